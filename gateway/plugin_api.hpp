// The public plugin API: everything a plugin module includes. A plugin is a shared module
// exporting `ehall_plugin_entry`, which returns a descriptor carrying the ABI version the
// module was built against; the host refuses modules whose version differs from its own.
//
// The API passes C++ types (std::string, nlohmann::json, std::function) across the module
// boundary, so a module must be built with the same compiler family and standard library
// as the host. EHALL_PLUGIN_ABI_VERSION changes whenever this header or sql.hpp changes
// in a way that breaks existing modules.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gateway/sql.hpp"

#define EHALL_PLUGIN_ABI_VERSION 4

namespace ehall {

// Parameter kinds the channels know how to collect and validate (web form field, SMS
// argument, kiosk keypad).
enum class ParamType {
    text,     // free text, bounded by max_length
    integer,  // whole number within [min, max]
    amount,   // money in fen, a positive integer within [min, max]
    msisdn,   // an 11-digit mobile number
    phone,    // a mobile or fixed-line number
    digits,   // a string of digits, length within [min, max]
    choice,   // one of `choices`
};

struct ParamSpec {
    std::string name{};
    ParamType type = ParamType::text;
    bool required = true;
    std::string label{};  // shown on forms, e.g. "金额（分）"
    std::int64_t min = 0;
    std::int64_t max = 0;
    std::size_t max_length = 64;
    std::vector<std::string> choices{};
};

struct OperationSpec {
    std::string name{};      // e.g. "balance"
    std::string title{};     // e.g. "话费余额"
    std::string business{};  // payment, topup, bill_query, balance_query, package_change,
                             // points_redeem, offer_accept, other
    std::vector<ParamSpec> params{};
    bool needs_customer = true;       // needs a logged-in customer
    bool needs_confirmation = false;  // SMS asks "Y" before running it, whatever it costs
    bool changes_state = false;       // writes money, points or subscriptions
    // Takes money or charges a fee (a payment from the card, a package's monthly fee, a
    // number change): a channel that runs operations on a bare command, the SMS hall, asks
    // to confirm first (DESIGN §7), whatever the plugin says of needs_confirmation.
    bool charges_customer = false;
    // Only reads the store and calls nothing outside the process, so it never waits on the
    // disk or the network: the gateway may run it on a network thread instead of a worker.
    bool reads_only = false;
    // SMS keywords: the first is the canonical command ("YE", "QQB TJ"), the rest aliases.
    std::vector<std::string> sms_keywords{};
    std::string template_name{};  // templates/<channel>/<template_name>.mustache
    // Run by the gateway itself (e.g. an offer placement), never by a customer: not listed
    // as a web page, SMS command or kiosk item, and refused when a channel asks for it.
    bool internal = false;

    // Whether a command channel must have a "Y" before running it.
    bool asks_confirmation() const { return needs_confirmation || charges_customer; }
};

// A numbered schema step owned by a plugin. Applied once, in order, at start-up.
struct Migration {
    int version = 0;
    std::string sql;
};

struct Manifest {
    std::string id;
    std::string name;
    std::string version;
    std::vector<OperationSpec> operations;
    std::vector<Migration> migrations;

    const OperationSpec* find(std::string_view operation) const {
        for (const auto& op : operations) {
            if (op.name == operation)
                return &op;
        }
        return nullptr;
    }
};

struct ServiceRequest {
    std::string channel;     // web, sms, kiosk
    std::string subchannel;  // e.g. the SMS service number or the kiosk hall
    std::string customer;    // authenticated MSISDN, empty when anonymous
    std::string plugin;
    std::string operation;
    nlohmann::json params = nlohmann::json::object();  // validated against the manifest
    std::string idempotency_key;
    std::string terminal_id;
    std::string session_id;
    std::string request_id;
    std::string offer_id;  // the offer this request takes up (set by the offers plugin)
    std::chrono::system_clock::time_point received_at = std::chrono::system_clock::now();
};

// The outcome of an operation. `code` is the stable result code (DESIGN §6b): "ok" or an
// error code such as "insufficient_balance". Channels render it in their own words.
struct ServiceResult {
    std::string code = "ok";
    nlohmann::json data = nlohmann::json::object();
    std::string message;                     // optional detail for people, never a secret
    std::optional<std::int64_t> amount_fen;  // money moved, for the journal
    std::string offer_id;                    // offer shown or taken, for the journal

    static ServiceResult ok(nlohmann::json data = nlohmann::json::object()) {
        ServiceResult r;
        r.data = std::move(data);
        return r;
    }
    static ServiceResult error(std::string code, std::string message = {}) {
        ServiceResult r;
        r.code = std::move(code);
        r.message = std::move(message);
        return r;
    }
    bool is_ok() const { return code == "ok"; }
};

enum class LogLevel { debug, info, warn, error };

// What the host offers a running plugin.
class PluginContext {
  public:
    virtual ~PluginContext() = default;
    virtual Store& store() = 0;
    // The plugin's own section of the config (`plugins.config.<id>`), an object.
    virtual const nlohmann::json& config() const = 0;
    virtual bool demo_mode() const = 0;
    virtual void log(LogLevel level, std::string_view message) = 0;
    // Runs another operation through the gateway's normal dispatch path (enablement,
    // login, parameter checks, rate limit, deadline, journal), as a channel would. `done`
    // is called exactly once, possibly on another thread; never wait for it while
    // holding a worker thread.
    virtual void invoke_operation(ServiceRequest request,
                                  std::function<void(ServiceResult)> done) = 0;
};

class Plugin {
  public:
    using Done = std::function<void(ServiceResult)>;

    virtual ~Plugin() = default;
    virtual Manifest manifest() const = 0;
    // Validates the plugin's config (throw std::invalid_argument naming the key) and
    // prepares it. Called once, after migrations and before the listeners open.
    virtual void start(PluginContext& context) = 0;
    // Called after the listeners have closed, in reverse start order.
    virtual void stop() {}
    // Runs one operation. `request.params` has already been validated against the
    // manifest. Call `done` exactly once, from any thread.
    virtual void invoke(const ServiceRequest& request, Done done) = 0;
};

// For plugins whose operations finish on the calling thread (the host already runs
// them off the network threads).
class SyncPlugin : public Plugin {
  public:
    void invoke(const ServiceRequest& request, Done done) final { done(run(request)); }
    virtual ServiceResult run(const ServiceRequest& request) = 0;
};

}  // namespace ehall

extern "C" {
struct EhallPluginDescriptor {
    int abi_version;
    const char* id;
    ehall::Plugin* (*create)();
    void (*destroy)(ehall::Plugin*);
};
typedef const EhallPluginDescriptor* (*EhallPluginEntry)();
}

#define EHALL_PLUGIN_ENTRY_SYMBOL "ehall_plugin_entry"

// Exports the entry point of a module holding plugin class `Type` with id `plugin_id`.
#define EHALL_DEFINE_PLUGIN(Type, plugin_id)                                                       \
    extern "C" __attribute__((visibility("default"))) const EhallPluginDescriptor*                 \
    ehall_plugin_entry() {                                                                         \
        static const EhallPluginDescriptor descriptor{EHALL_PLUGIN_ABI_VERSION, plugin_id,         \
                                                      []() -> ehall::Plugin* { return new Type; }, \
                                                      [](ehall::Plugin* p) { delete p; }};         \
        return &descriptor;                                                                        \
    }
