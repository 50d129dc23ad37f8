// Maps method + path to a handler and the route's rules. Patterns are literal segments and
// `{name}` captures of one non-empty segment: "/api/v1/services/{plugin}/{operation}".
#pragma once

#include <string>
#include <vector>

#include "gateway/http/exchange.hpp"
#include "gateway/http/route_rules.hpp"

namespace ehall {

class Router {
  public:
    void add(http::verb method, std::string pattern, Handler handler, RouteRules rules = {});

    struct Match {
        const Handler* handler = nullptr;
        const std::string* route = nullptr;
        const RouteRules* rules = nullptr;
        bool wrong_method = false;  // the path exists, with another method (405)
    };
    // Fills `exchange.path_params` on a match.
    Match match(http::verb method, std::string_view path,
                std::map<std::string, std::string, std::less<>>& params) const;

  private:
    struct Route {
        http::verb method;
        std::string pattern;
        std::vector<std::string> segments;
        Handler handler;
        RouteRules rules;
    };
    std::vector<Route> routes_;
};

}  // namespace ehall
