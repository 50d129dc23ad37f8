// A small synchronous HTTP client for the CLI's calls to a running gateway's admin API.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace ehall {

struct AdminReply {
    unsigned status = 0;
    nlohmann::json body;
};

// `base_url` is "http://host:port". Throws std::runtime_error when the gateway cannot be
// reached.
AdminReply call_admin_api(const std::string& base_url, const std::string& token,
                          const std::string& method, const std::string& path,
                          const nlohmann::json& body = nullptr);

}  // namespace ehall
