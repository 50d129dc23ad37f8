#include "gateway/http/router.hpp"

#include <boost/container/small_vector.hpp>

namespace ehall {

namespace {

// A request path's segments, split without allocating for paths of usual depth.
using PathSegments = boost::container::small_vector<std::string_view, 8>;

PathSegments split_path(std::string_view path) {
    PathSegments segments;
    std::size_t start = 1;
    while (start <= path.size()) {
        std::size_t slash = path.find('/', start);
        if (slash == std::string_view::npos)
            slash = path.size();
        segments.push_back(path.substr(start, slash - start));
        start = slash + 1;
    }
    return segments;
}

bool segments_match(const std::vector<std::string>& pattern, const PathSegments& path,
                    std::map<std::string, std::string, std::less<>>* params) {
    if (pattern.size() != path.size())
        return false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const std::string& want = pattern[i];
        if (want.size() > 2 && want.front() == '{' && want.back() == '}') {
            if (path[i].empty())
                return false;
            if (params)
                (*params)[want.substr(1, want.size() - 2)] = path[i];
        } else if (want != path[i]) {
            return false;
        }
    }
    return true;
}

}  // namespace

void Router::add(http::verb method, std::string pattern, Handler handler, RouteRules rules) {
    const auto parts = split_path(pattern);
    std::vector<std::string> segments(parts.begin(), parts.end());
    routes_.push_back({method, std::move(pattern), std::move(segments), std::move(handler), rules});
}

Router::Match Router::match(http::verb method, std::string_view path,
                            std::map<std::string, std::string, std::less<>>& params) const {
    Match result;
    if (path.empty() || path.front() != '/')
        return result;
    auto segments = split_path(path);
    for (const auto& route : routes_) {
        if (route.method != method) {
            if (!result.wrong_method && segments_match(route.segments, segments, nullptr)) {
                result.wrong_method = true;
            }
            continue;
        }
        params.clear();
        if (segments_match(route.segments, segments, &params)) {
            result.handler = &route.handler;
            result.route = &route.pattern;
            result.rules = &route.rules;
            result.wrong_method = false;
            return result;
        }
    }
    params.clear();
    return result;
}

}  // namespace ehall
