// The gateway's configuration: config/ehall.json overlaid with EHALL_* environment
// variables, checked against the schema in config_schema.cpp. Anything unknown or of the
// wrong type stops start-up with the key's name.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace ehall {

class ConfigError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct Config {
    std::string mode = "demo";  // demo | production
    std::filesystem::path data_dir = "var";

    struct Gateway {
        std::string host = "127.0.0.1";
        std::uint16_t port = 8080;
        unsigned threads = 0;         // network threads, 0: one per core
        unsigned worker_threads = 0;  // plugin and store threads, 0: one per core
        // Deadline for reading one request from its first byte, and for writing the reply.
        std::chrono::milliseconds read_timeout{15000};
        // How long a connection may wait for a request to start (new or kept alive).
        std::chrono::milliseconds idle_timeout{15000};
        unsigned max_connections_per_ip = 256;  // open connections per client address, 0: no cap
        std::size_t header_limit = 8 * 1024;
        std::size_t body_limit = 1024 * 1024;
        std::chrono::milliseconds shutdown_grace{10000};
        bool access_log = true;
        unsigned rate_per_min = 0;  // per customer and channel, 0: off
        // Password and code checks at a time, and waiting, before sign-ins are refused
        // (sign_in_gate.hpp).
        unsigned sign_in_threads = 1;
        unsigned sign_in_queue = 8;
        // Origins besides a request's own whose pages may call the routes that set cookies
        // (logins, logouts), normalised: "https://hall.example" (cross_site_checks.hpp).
        std::vector<std::string> allowed_origins;
    } gateway;

    struct Journal {
        std::chrono::milliseconds flush_interval{100};
        std::size_t batch_size = 2000;
        std::size_t queue_capacity = 200000;
        std::chrono::milliseconds summary_interval{1000};
    } journal;

    struct Store {
        // How long a read may reuse an earlier read's snapshot (sqlite_store.hpp); 0: never.
        std::chrono::milliseconds snapshot_reuse{5};
        // Empty: SQLite files in the data dir. A postgresql:// URI: the store and the
        // journal in that database, shared by every instance that names it (DESIGN §9).
        std::string url;
        std::size_t pool_size = 8;  // connections per instance (PostgreSQL)
    } store;

    struct Admin {
        std::string token;
        std::string analyst_token;
    } admin;

    struct Web {
        std::chrono::seconds session_idle{15 * 60};
        unsigned lockout_attempts = 5;
        std::chrono::minutes lockout_window{15};
        // One-time login code requests per client address per minute, 0: off. Behind a
        // proxy every client has the proxy's address: raise it or turn it off there.
        unsigned login_code_per_address_per_min = 10;
        // Password and code sign-ins per client address per minute on every channel, 0: off.
        unsigned sign_in_per_address_per_min = 30;
    } web;

    // The SMS hall behind Kannel (DESIGN §6, §7).
    struct Sms {
        std::string service_number = "10086";
        std::vector<std::string> allowed_sources = {"127.0.0.1", "::1"};
        std::string shared_secret;   // also accepted: ?secret=... on /sms/mo
        unsigned rate_per_min = 30;  // commands per MSISDN per minute, 0: off
        std::chrono::seconds confirm_ttl{300};
        std::string sendsms_url;  // Kannel sendsms, e.g. http://127.0.0.1:13013/cgi-bin/sendsms
        std::string sendsms_user;
        std::string sendsms_password;
        std::string dlr_url;  // where Kannel reports deliveries, e.g. http://127.0.0.1:8080/sms/dlr
        std::filesystem::path templates_dir;  // empty: <dir of ehall>/../templates/sms
    } sms;

    // Self-service kiosks (DESIGN §6).
    struct Kiosk {
        std::chrono::seconds signature_window{300};
        std::chrono::seconds customer_idle{60};
        std::chrono::seconds ui_idle{45};  // touch UI countdown back to the start screen
        // Cash a terminal takes (docs/kiosk-cash.md): per customer transaction, and per
        // Asia/Shanghai calendar day.
        std::int64_t cash_per_transaction_fen = 200000;
        std::int64_t cash_daily_fen = 5000000;
    } kiosk;

    struct Plugins {
        std::filesystem::path dir;  // empty: <directory of the ehall binary>/plugins
        std::vector<std::string> modules;
        std::chrono::milliseconds default_timeout{5000};
        std::map<std::string, std::chrono::milliseconds> timeouts;  // "plugin.operation"
        std::vector<std::string> default_channels;           // enabled when a plugin is first seen
        nlohmann::json settings = nlohmann::json::object();  // plugins.config.<id>
    } plugins;

    std::string log_level = "info";

    bool demo() const { return mode == "demo"; }
    std::chrono::milliseconds timeout_for(const std::string& plugin,
                                          const std::string& operation) const;
};

using Environment = std::map<std::string, std::string>;

// The process environment's EHALL_* variables.
Environment ehall_environment();

// Loads `path` (must exist) and applies `env`. Throws ConfigError naming the key.
Config load_config(const std::filesystem::path& path, const Environment& env);
// Same, from an already parsed document (for tests and for `--config -`).
Config parse_config(const nlohmann::json& document, const Environment& env);

}  // namespace ehall
