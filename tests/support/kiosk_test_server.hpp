// For the kiosk integration tests: a client that signs every request with one terminal's
// credentials, and a running demo gateway with helpers for the terminal admin API.
// Header-only, for Boost.Test files.
#pragma once

#include <boost/test/unit_test.hpp>
#include <optional>
#include <string>

#include "tests/support/demo_customer.hpp"
#include "tests/support/kiosk_signer.hpp"
#include "tests/support/server_process.hpp"

namespace ehall::test {

inline const KioskCredentials demo_kiosk{"KIOSK-0001", "demo-kiosk-key-0001"};

// Signs every request with one terminal's credentials.
struct KioskClient {
    HttpClient& http;
    KioskCredentials credentials;

    HttpResult post(const std::string& path, const nlohmann::json& body, Headers extra = {}) {
        const std::string text = body.is_null() ? "{}" : body.dump();
        Headers headers = kiosk_signature_headers(credentials, "POST", path, text);
        headers.emplace_back("Content-Type", "application/json");
        headers.insert(headers.end(), extra.begin(), extra.end());
        return http.request(http::verb::post, path, text, headers);
    }
    HttpResult get(const std::string& path) {
        return http.request(http::verb::get, path, {},
                            kiosk_signature_headers(credentials, "GET", path, ""));
    }
    HttpResult heartbeat(const std::string& paper = "ok") {
        return post("/kiosk/v1/heartbeat",
                    {{"printer_paper", paper}, {"cash_box", "ok"}, {"version", "2.3.1"}});
    }
    std::string identify(const std::string& msisdn, const std::string& password) {
        auto reply = post("/kiosk/v1/identify", {{"msisdn", msisdn}, {"password", password}});
        return reply.json()["data"].value("customer_token", "");
    }
};

struct RunningKiosk {
    explicit RunningKiosk(nlohmann::json config = demo_config({"billing", "family", "points"}))
        : server("kiosk-api") {
        BOOST_REQUIRE(server.start(config));
        client.emplace(server.port());
    }
    ~RunningKiosk() {
        if (server.running())
            BOOST_TEST(server.stop() == 0);
    }
    KioskClient kiosk(const KioskCredentials& credentials = demo_kiosk) {
        return {*client, credentials};
    }
    // Registers a terminal through the admin API; its credentials from the reply.
    KioskCredentials register_terminal(const std::string& id, const std::string& hall) {
        auto reply =
            client->post("/admin/v1/terminals",
                         {{"id", id}, {"hall", hall}, {"location", "测试厅"}}, bearer(admin_token));
        BOOST_REQUIRE_MESSAGE(reply.status == 201u, reply.body);
        return {id, reply.json().value("key", "")};
    }
    nlohmann::json terminal_listed(const std::string& id) {
        auto list = client->get("/admin/v1/terminals", bearer(admin_token)).json();
        for (const auto& terminal : list["terminals"]) {
            if (terminal["id"] == id)
                return terminal;
        }
        return nullptr;
    }

    ServerProcess server;
    std::optional<HttpClient> client;
};

}  // namespace ehall::test
