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
    std::int64_t balance_fen(const std::string& msisdn, const std::string& password) {
        auto reply = post("/kiosk/v1/services/billing/balance",
                          {{"customer_token", identify(msisdn, password)}});
        return reply.json()["data"].value("balance_fen", std::int64_t{-1});
    }
    // The cash acceptor's side (docs/kiosk-cash.md): an intake opened for `msisdn` (its id),
    // and a note held in escrow.
    std::string open_intake(const std::string& msisdn) {
        return post("/kiosk/v1/cash/intakes", {{"msisdn", msisdn}})
            .json()["data"]
            .value("intake_id", "");
    }
    HttpResult note(const nlohmann::json& note_id, std::int64_t amount_fen) {
        return post("/kiosk/v1/cash/notes", {{"note_id", note_id}, {"amount_fen", amount_fen}});
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
    // A demo gateway whose terminals take at most `per_transaction_fen` of cash per customer
    // transaction and `daily_fen` a day.
    static nlohmann::json cash_capped(std::int64_t per_transaction_fen, std::int64_t daily_fen) {
        nlohmann::json config = demo_config({"billing"});
        config["kiosk"] = {{"cash_per_transaction_fen", per_transaction_fen},
                           {"cash_daily_fen", daily_fen}};
        return config;
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
