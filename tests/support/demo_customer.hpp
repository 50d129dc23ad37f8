// The demo data of DESIGN §3 as the tests use it, and logging in as a demo customer.
#pragma once

#include <string>

#include "tests/support/http_client.hpp"

namespace ehall::test {

inline constexpr const char* demo_msisdn = "13800138000";
inline constexpr const char* demo_password = "135790";
inline constexpr const char* other_msisdn = "13900139000";
inline constexpr const char* other_password = "246802";
inline constexpr const char* admin_token = "demo-admin-token";
// The demo events' diversion case: customers who paid at the hall in March, in April and May.
inline const std::string diversion_query =
    "business=payment&from=hall&base=2026-03&months=2026-04,2026-05";

inline Headers bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}};
}

// POST /api/v1/login; the whole result (data.token, data.csrf_token, Set-Cookie).
inline HttpResult login(HttpClient& client, const std::string& msisdn,
                        const std::string& password) {
    return client.post("/api/v1/login", {{"msisdn", msisdn}, {"password", password}});
}

// Logs in as the demo customer and returns the bearer token ("" when login failed).
inline std::string demo_token(HttpClient& client) {
    auto result = login(client, demo_msisdn, demo_password).json();
    if (result.is_discarded() || !result.contains("data"))
        return {};
    return result["data"].value("token", "");
}

}  // namespace ehall::test
