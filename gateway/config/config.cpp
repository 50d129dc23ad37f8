#include "gateway/config/config.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "gateway/base/comma_list.hpp"
#include "gateway/base/origin.hpp"

extern char** environ;

namespace ehall {

namespace {

using json = nlohmann::json;

enum class Kind { string, integer, boolean, string_list, object, integer_map };

struct Key {
    const char* path;
    Kind kind;
};

// Every key the config accepts. `object` keys hold free-form sections validated by their
// owner (a plugin validates plugins.config.<id> when it starts).
constexpr Key schema[] = {
    {"mode", Kind::string},
    {"data_dir", Kind::string},
    {"gateway.listen", Kind::string},
    {"gateway.threads", Kind::integer},
    {"gateway.worker_threads", Kind::integer},
    {"gateway.read_timeout_ms", Kind::integer},
    {"gateway.idle_timeout_ms", Kind::integer},
    {"gateway.max_connections_per_ip", Kind::integer},
    {"gateway.header_limit_bytes", Kind::integer},
    {"gateway.body_limit_bytes", Kind::integer},
    {"gateway.shutdown_grace_ms", Kind::integer},
    {"gateway.access_log", Kind::boolean},
    {"gateway.rate_per_min", Kind::integer},
    {"gateway.sign_in_threads", Kind::integer},
    {"gateway.sign_in_queue", Kind::integer},
    {"gateway.allowed_origins", Kind::string_list},
    {"journal.flush_interval_ms", Kind::integer},
    {"journal.batch_size", Kind::integer},
    {"journal.queue_capacity", Kind::integer},
    {"journal.summary_interval_ms", Kind::integer},
    {"store.snapshot_reuse_ms", Kind::integer},
    {"store.url", Kind::string},
    {"store.pool_size", Kind::integer},
    {"admin.token", Kind::string},
    {"admin.analyst_token", Kind::string},
    {"web.session_idle_minutes", Kind::integer},
    {"web.session_idle_seconds", Kind::integer},
    {"web.lockout_attempts", Kind::integer},
    {"web.lockout_minutes", Kind::integer},
    {"web.login_code_per_address_per_min", Kind::integer},
    {"web.sign_in_per_address_per_min", Kind::integer},
    {"sms.service_number", Kind::string},
    {"sms.allowed_sources", Kind::string_list},
    {"sms.shared_secret", Kind::string},
    {"sms.rate_per_min", Kind::integer},
    {"sms.confirm_ttl_seconds", Kind::integer},
    {"sms.sendsms_url", Kind::string},
    {"sms.sendsms_user", Kind::string},
    {"sms.sendsms_password", Kind::string},
    {"sms.dlr_url", Kind::string},
    {"sms.templates_dir", Kind::string},
    {"kiosk.signature_window_seconds", Kind::integer},
    {"kiosk.customer_idle_seconds", Kind::integer},
    {"kiosk.ui_idle_seconds", Kind::integer},
    {"kiosk.cash_per_transaction_fen", Kind::integer},
    {"kiosk.cash_daily_fen", Kind::integer},
    {"plugins.dir", Kind::string},
    {"plugins.modules", Kind::string_list},
    {"plugins.default_timeout_ms", Kind::integer},
    {"plugins.timeouts_ms", Kind::integer_map},
    {"plugins.default_channels", Kind::string_list},
    {"plugins.config", Kind::object},
    {"log.level", Kind::string},
};

// Short names of DESIGN §3 for the most used settings.
const std::map<std::string, std::string> environment_aliases = {
    {"EHALL_LISTEN", "gateway.listen"},
    {"EHALL_DATA_DIR", "data_dir"},
    {"EHALL_ADMIN_TOKEN", "admin.token"},
    {"EHALL_ANALYST_TOKEN", "admin.analyst_token"},
    {"EHALL_MODE", "mode"},
    {"EHALL_SMS_RATE_PER_MIN", "sms.rate_per_min"},
};

const Key* find_key(const std::string& path) {
    for (const auto& key : schema) {
        if (path == key.path)
            return &key;
    }
    return nullptr;
}

bool is_section(const std::string& path) {
    std::string prefix = path + ".";
    return std::any_of(std::begin(schema), std::end(schema),
                       [&](const Key& k) { return std::string(k.path).starts_with(prefix); });
}

[[noreturn]] void fail(const std::string& path, const std::string& problem) {
    throw ConfigError("config key '" + path + "': " + problem);
}

void check_kind(const std::string& path, Kind kind, const json& value) {
    switch (kind) {
        case Kind::string:
            if (!value.is_string())
                fail(path, "expected a string");
            return;
        case Kind::integer:
            if (!value.is_number_integer() || value.get<std::int64_t>() < 0) {
                fail(path, "expected a non-negative integer");
            }
            return;
        case Kind::boolean:
            if (!value.is_boolean())
                fail(path, "expected true or false");
            return;
        case Kind::string_list:
            if (!value.is_array())
                fail(path, "expected a list of strings");
            for (const auto& item : value) {
                if (!item.is_string())
                    fail(path, "expected a list of strings");
            }
            return;
        case Kind::object:
            if (!value.is_object())
                fail(path, "expected an object");
            return;
        case Kind::integer_map:
            if (!value.is_object())
                fail(path, "expected an object of integers");
            for (const auto& [name, item] : value.items()) {
                if (!item.is_number_integer() || item.get<std::int64_t>() <= 0) {
                    fail(path + "." + name, "expected a positive integer");
                }
            }
            return;
    }
}

// Checks the document's keys against the schema, collecting leaves into `flat`.
void walk(const json& node, const std::string& prefix, std::map<std::string, json>& flat) {
    if (!node.is_object())
        fail(prefix.empty() ? "(top level)" : prefix, "expected an object");
    for (const auto& [name, value] : node.items()) {
        std::string path = prefix.empty() ? name : prefix + "." + name;
        if (const Key* key = find_key(path)) {
            check_kind(path, key->kind, value);
            flat[path] = value;
        } else if (is_section(path)) {
            walk(value, path, flat);
        } else {
            fail(path, "unknown key");
        }
    }
}

std::string environment_name(const std::string& path) {
    std::string name = "EHALL_";
    for (char c : path)
        name += c == '.' ? '_' : static_cast<char>(std::toupper(c));
    return name;
}

json parse_environment_value(const std::string& variable, const std::string& path, Kind kind,
                             const std::string& text) {
    const std::string where = path + "' (from " + variable + ")";
    switch (kind) {
        case Kind::string:
            return text;
        case Kind::integer: {
            std::int64_t value = 0;
            auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
            if (ec != std::errc() || end != text.data() + text.size() || value < 0) {
                throw ConfigError("config key '" + where + ": expected a non-negative integer");
            }
            return value;
        }
        case Kind::boolean:
            if (text == "true" || text == "1")
                return true;
            if (text == "false" || text == "0")
                return false;
            throw ConfigError("config key '" + where + ": expected true or false");
        case Kind::string_list:
            return split_comma_list(text);
        case Kind::object:
        case Kind::integer_map: {
            json value = json::parse(text, nullptr, false);
            if (value.is_discarded())
                throw ConfigError("config key '" + where + ": invalid JSON");
            check_kind(path, kind, value);
            return value;
        }
    }
    return nullptr;
}

void apply_environment(const Environment& env, std::map<std::string, json>& flat) {
    for (const auto& [variable, text] : env) {
        std::string path;
        if (auto alias = environment_aliases.find(variable); alias != environment_aliases.end()) {
            path = alias->second;
        } else {
            for (const auto& key : schema) {
                if (environment_name(key.path) == variable)
                    path = key.path;
            }
        }
        if (path.empty())
            continue;  // not ours: EHALL_* variables of other tools are ignored
        flat[path] = parse_environment_value(variable, path, find_key(path)->kind, text);
    }
}

std::int64_t integer(const std::map<std::string, json>& flat, const char* path,
                     std::int64_t fallback, std::int64_t min, std::int64_t max) {
    auto it = flat.find(path);
    if (it == flat.end())
        return fallback;
    std::int64_t value = it->second.get<std::int64_t>();
    if (value < min || value > max) {
        fail(path, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    }
    return value;
}

std::string text(const std::map<std::string, json>& flat, const char* path,
                 const std::string& fallback) {
    auto it = flat.find(path);
    return it == flat.end() ? fallback : it->second.get<std::string>();
}

void parse_listen(const std::string& listen, Config::Gateway& gateway) {
    auto colon = listen.rfind(':');
    if (colon == std::string::npos || colon == 0)
        fail("gateway.listen", "expected host:port");
    std::string host = listen.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    }
    std::string port_text = listen.substr(colon + 1);
    unsigned port = 0;
    auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (ec != std::errc() || end != port_text.data() + port_text.size() || port > 65535) {
        fail("gateway.listen", "invalid port '" + port_text + "'");
    }
    gateway.host = host;
    gateway.port = static_cast<std::uint16_t>(port);
}

}  // namespace

std::chrono::milliseconds Config::timeout_for(const std::string& plugin,
                                              const std::string& operation) const {
    auto it = plugins.timeouts.find(plugin + "." + operation);
    if (it != plugins.timeouts.end())
        return it->second;
    it = plugins.timeouts.find(plugin);
    return it != plugins.timeouts.end() ? it->second : plugins.default_timeout;
}

Environment ehall_environment() {
    Environment env;
    for (char** entry = environ; entry && *entry; ++entry) {
        std::string item(*entry);
        auto eq = item.find('=');
        if (eq != std::string::npos && item.starts_with("EHALL_")) {
            env[item.substr(0, eq)] = item.substr(eq + 1);
        }
    }
    return env;
}

Config load_config(const std::filesystem::path& path, const Environment& env) {
    std::ifstream in(path);
    if (!in)
        throw ConfigError("cannot read config file " + path.string());
    json document = json::parse(in, nullptr, false);
    if (document.is_discarded())
        throw ConfigError("config file " + path.string() + ": invalid JSON");
    return parse_config(document, env);
}

Config parse_config(const json& document, const Environment& env) {
    std::map<std::string, json> flat;
    walk(document, "", flat);
    apply_environment(env, flat);

    Config c;
    c.mode = text(flat, "mode", c.mode);
    if (c.mode != "demo" && c.mode != "production")
        fail("mode", "expected demo or production");
    c.data_dir = text(flat, "data_dir", c.data_dir.string());
    if (c.data_dir.empty())
        fail("data_dir", "must not be empty");

    auto& g = c.gateway;
    parse_listen(text(flat, "gateway.listen", "127.0.0.1:8080"), g);
    const auto cores = std::max(1u, std::thread::hardware_concurrency());
    g.threads = static_cast<unsigned>(integer(flat, "gateway.threads", 0, 0, 256));
    if (g.threads == 0)
        g.threads = cores;
    g.worker_threads = static_cast<unsigned>(integer(flat, "gateway.worker_threads", 0, 0, 256));
    if (g.worker_threads == 0)
        g.worker_threads = cores;
    g.read_timeout = std::chrono::milliseconds(
        integer(flat, "gateway.read_timeout_ms", g.read_timeout.count(), 100, 3600000));
    g.idle_timeout = std::chrono::milliseconds(
        integer(flat, "gateway.idle_timeout_ms", g.idle_timeout.count(), 100, 3600000));
    g.max_connections_per_ip = static_cast<unsigned>(
        integer(flat, "gateway.max_connections_per_ip", g.max_connections_per_ip, 0, 1000000));
    g.header_limit = static_cast<std::size_t>(
        integer(flat, "gateway.header_limit_bytes", g.header_limit, 1024, 1 << 20));
    g.body_limit = static_cast<std::size_t>(
        integer(flat, "gateway.body_limit_bytes", g.body_limit, 1024, 1LL << 30));
    g.shutdown_grace = std::chrono::milliseconds(
        integer(flat, "gateway.shutdown_grace_ms", g.shutdown_grace.count(), 0, 600000));
    if (auto it = flat.find("gateway.access_log"); it != flat.end()) {
        g.access_log = it->second.get<bool>();
    }
    g.rate_per_min =
        static_cast<unsigned>(integer(flat, "gateway.rate_per_min", g.rate_per_min, 0, 1000000));
    g.sign_in_threads =
        static_cast<unsigned>(integer(flat, "gateway.sign_in_threads", g.sign_in_threads, 1, 64));
    g.sign_in_queue =
        static_cast<unsigned>(integer(flat, "gateway.sign_in_queue", g.sign_in_queue, 0, 10000));
    if (auto it = flat.find("gateway.allowed_origins"); it != flat.end()) {
        for (const auto& text : it->second.get<std::vector<std::string>>()) {
            auto origin = normalised_origin(text);
            if (!origin) {
                fail("gateway.allowed_origins",
                     "'" + text + "' is not an origin such as https://hall.example:8443");
            }
            g.allowed_origins.push_back(std::move(*origin));
        }
    }

    c.journal.flush_interval = std::chrono::milliseconds(
        integer(flat, "journal.flush_interval_ms", c.journal.flush_interval.count(), 1, 60000));
    c.journal.batch_size = static_cast<std::size_t>(
        integer(flat, "journal.batch_size", c.journal.batch_size, 1, 1000000));
    c.journal.queue_capacity = static_cast<std::size_t>(
        integer(flat, "journal.queue_capacity", c.journal.queue_capacity, 1, 100000000));
    c.journal.summary_interval = std::chrono::milliseconds(integer(
        flat, "journal.summary_interval_ms", c.journal.summary_interval.count(), 10, 3600000));
    c.store.snapshot_reuse = std::chrono::milliseconds(
        integer(flat, "store.snapshot_reuse_ms", c.store.snapshot_reuse.count(), 0, 1000));
    c.store.url = text(flat, "store.url", "");
    if (!c.store.url.empty() && !c.store.url.starts_with("postgresql://") &&
        !c.store.url.starts_with("postgres://"))
        fail("store.url", "expected empty (SQLite in the data dir) or a postgresql:// URI");
    c.store.pool_size =
        static_cast<std::size_t>(integer(flat, "store.pool_size", c.store.pool_size, 2, 256));

    // Demo mode has the demo tokens of DESIGN §3 unless configured; production has none.
    c.admin.token = text(flat, "admin.token", c.demo() ? "demo-admin-token" : "");
    c.admin.analyst_token = text(flat, "admin.analyst_token", c.demo() ? "demo-analyst-token" : "");
    if (!c.demo()) {
        for (const char* key : {"admin.token", "admin.analyst_token"}) {
            std::string token = text(flat, key, "");
            if (token.starts_with("demo-"))
                fail(key, "demo tokens are refused in production mode");
            if (!token.empty() && token.size() < 16)
                fail(key, "must be at least 16 characters");
        }
    }

    c.web.session_idle =
        std::chrono::minutes(integer(flat, "web.session_idle_minutes", 15, 1, 24 * 60));
    // Finer than minutes where wanted (tests of the expiry); wins over the minutes.
    if (flat.contains("web.session_idle_seconds")) {
        c.web.session_idle =
            std::chrono::seconds(integer(flat, "web.session_idle_seconds", 0, 1, 24 * 60 * 60));
    }
    c.web.lockout_attempts = static_cast<unsigned>(
        integer(flat, "web.lockout_attempts", c.web.lockout_attempts, 1, 100));
    c.web.lockout_window = std::chrono::minutes(
        integer(flat, "web.lockout_minutes", c.web.lockout_window.count(), 1, 24 * 60));
    c.web.login_code_per_address_per_min =
        static_cast<unsigned>(integer(flat, "web.login_code_per_address_per_min",
                                      c.web.login_code_per_address_per_min, 0, 1000000));
    c.web.sign_in_per_address_per_min = static_cast<unsigned>(integer(
        flat, "web.sign_in_per_address_per_min", c.web.sign_in_per_address_per_min, 0, 1000000));

    auto& sms = c.sms;
    sms.service_number = text(flat, "sms.service_number", sms.service_number);
    if (auto it = flat.find("sms.allowed_sources"); it != flat.end()) {
        sms.allowed_sources = it->second.get<std::vector<std::string>>();
    }
    sms.shared_secret = text(flat, "sms.shared_secret", "");
    if (!sms.shared_secret.empty() && sms.shared_secret.size() < 16) {
        fail("sms.shared_secret", "must be at least 16 characters");
    }
    sms.rate_per_min =
        static_cast<unsigned>(integer(flat, "sms.rate_per_min", sms.rate_per_min, 0, 100000));
    sms.confirm_ttl = std::chrono::seconds(
        integer(flat, "sms.confirm_ttl_seconds", sms.confirm_ttl.count(), 10, 86400));
    sms.sendsms_url = text(flat, "sms.sendsms_url", "");
    sms.sendsms_user = text(flat, "sms.sendsms_user", "");
    sms.sendsms_password = text(flat, "sms.sendsms_password", "");
    sms.dlr_url = text(flat, "sms.dlr_url", "");
    sms.templates_dir = text(flat, "sms.templates_dir", "");

    c.kiosk.signature_window = std::chrono::seconds(integer(
        flat, "kiosk.signature_window_seconds", c.kiosk.signature_window.count(), 10, 3600));
    c.kiosk.customer_idle = std::chrono::seconds(
        integer(flat, "kiosk.customer_idle_seconds", c.kiosk.customer_idle.count(), 5, 3600));
    c.kiosk.ui_idle = std::chrono::seconds(
        integer(flat, "kiosk.ui_idle_seconds", c.kiosk.ui_idle.count(), 3, 3600));
    // A payment above billing.pay's 1,000,000 fen could never be paid.
    c.kiosk.cash_per_transaction_fen = integer(flat, "kiosk.cash_per_transaction_fen",
                                               c.kiosk.cash_per_transaction_fen, 100, 1000000);
    c.kiosk.cash_daily_fen =
        integer(flat, "kiosk.cash_daily_fen", c.kiosk.cash_daily_fen, 100, 1000000000);
    if (c.kiosk.cash_daily_fen < c.kiosk.cash_per_transaction_fen)
        fail("kiosk.cash_daily_fen", "must be at least kiosk.cash_per_transaction_fen");

    auto& p = c.plugins;
    p.dir = text(flat, "plugins.dir", "");
    if (auto it = flat.find("plugins.modules"); it != flat.end()) {
        p.modules = it->second.get<std::vector<std::string>>();
    }
    p.default_timeout = std::chrono::milliseconds(
        integer(flat, "plugins.default_timeout_ms", p.default_timeout.count(), 1, 600000));
    if (auto it = flat.find("plugins.timeouts_ms"); it != flat.end()) {
        for (const auto& [name, value] : it->second.items()) {
            p.timeouts[name] = std::chrono::milliseconds(value.get<std::int64_t>());
        }
    }
    p.default_channels = {"web", "sms", "kiosk"};
    if (auto it = flat.find("plugins.default_channels"); it != flat.end()) {
        p.default_channels = it->second.get<std::vector<std::string>>();
        for (const auto& channel : p.default_channels) {
            if (channel != "web" && channel != "sms" && channel != "kiosk") {
                fail("plugins.default_channels", "unknown channel '" + channel + "'");
            }
        }
    }
    if (auto it = flat.find("plugins.config"); it != flat.end())
        p.settings = it->second;

    c.log_level = text(flat, "log.level", c.log_level);
    static const std::vector<std::string> levels = {"trace", "debug", "info",
                                                    "warn",  "error", "off"};
    if (std::find(levels.begin(), levels.end(), c.log_level) == levels.end()) {
        fail("log.level", "expected one of trace, debug, info, warn, error, off");
    }
    return c;
}

}  // namespace ehall
