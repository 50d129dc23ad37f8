// The plugin API: the manifest, the call types and the plugin's lifecycle. A plugin is a
// shared module exporting `ehall_plugin_entry`, which returns a descriptor carrying the ABI
// version the module was built against; the host refuses modules whose version differs.
//
// The SDK passes C++ types (std::string, nlohmann::json, std::function) across the module
// boundary and its helpers are inline, so a module must be built with the same compiler
// family and standard library as the host. EHALL_PLUGIN_ABI_VERSION covers every header
// under sdk/include/ehall/: it changes whenever any of them changes in a way that breaks
// existing modules.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <ehall/report.hpp>
#include <ehall/store.hpp>

#define EHALL_PLUGIN_ABI_VERSION 7

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
    json,     // any JSON value (admin operations only: a catalog entry); the console's
              // form asks for it as JSON text
};

// The value a parameter takes on a channel that does not ask for it ({"sms", "card"}: an
// SMS payment always comes from the bound card).
struct ChannelValue {
    std::string channel;
    std::string value;
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
    // The result code a value that fails these checks answers with; empty: bad_request.
    std::string invalid_code{};
    std::vector<ChannelValue> fixed_on{};
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
    // The plugin's SMS words, mustache over the result's data (money fields also as
    // `*_yuan`): the reply on success, and the question before an operation that needs a "Y"
    // (over the params, with `ttl_minutes`). An operator may reword either without a new
    // build by placing templates/sms/<template_name>.mustache or <template_name>_confirm.mustache.
    std::string template_name{};
    std::string sms_reply{};
    std::string sms_confirm{};
    // Run by the gateway itself (e.g. an offer placement), never by a customer: not listed
    // as a web page, SMS command or kiosk item, and refused when a channel asks for it.
    bool internal = false;
    // Makes sense only in context (accepting or dismissing the offer on screen): offered as
    // a link or button where the context is, never as a menu tile or a page of its own.
    bool contextual = false;
    // A kiosk may run it for any number without its customer signing in, with the cash the
    // terminal counted as `amount_fen` and `method` "cash" (paying a number's bill in cash).
    bool cash_for_any_number = false;

    // Whether a command channel must have a "Y" before running it.
    bool asks_confirmation() const { return needs_confirmation || charges_customer; }
};

// A numbered schema step owned by a plugin. Applied once, in order, at start-up.
struct Migration {
    int version = 0;
    std::string sql;
};

// The operator's words for a field of the plugin's results ("ecoins" -> "电子币"), used by
// every channel that shows the field.
struct FieldLabel {
    std::string field;
    std::string label;
};

// The operator's words for a value the plugin answers with ("phone_credit" -> "话费"), used
// by every channel that shows the value.
struct ValueLabel {
    std::string value;
    std::string label;
};

// Content the plugin offers for a channel's slot (slots: web_login, web_home,
// kiosk_identify, sms_reply). Whenever a customer's screen or reply has the slot, the host
// runs `operation` (internal) with {"placement": slot} (and "max_sms_units", the room left,
// for sms_reply), journaled like any call. It answers with `data.content`:
//   {"title", "web_text", "sms_text",
//    "actions": [{"label", "plugin", "operation", "params": {...}}]}
// or without it when it has nothing to show, then optionally with `data.quiet_until_ms`:
// nothing for this customer until then, so the host stops asking. A slot shows the first
// content of the plugins placing there, in start order, and never follows a reply of the
// placing plugin itself with its own content.
struct Placement {
    std::string slot;
    std::string operation;
};

struct Manifest {
    std::string id;
    std::string name;
    std::string version;
    std::vector<OperationSpec> operations;
    std::vector<Migration> migrations;
    // Plugins that must be loaded and started before this one: a missing one or a cycle
    // stops start-up naming them.
    std::vector<std::string> depends_on{};
    std::vector<FieldLabel> labels{};
    std::vector<ValueLabel> value_labels{};
    std::vector<Placement> placements{};
    // Operations for operations staff, served at POST /admin/v1/plugins/{id}/ops/{name}
    // with the admin token, audited and offered in the ops console; run by
    // Plugin::invoke_admin. Only name, title, params and changes_state are read.
    std::vector<OperationSpec> admin_operations{};
    // What holding the plugin's product means, for `ehall report penetration` (DESIGN §6a):
    // SQL over the plugin's tables in the store selecting the msisdn of every customer who
    // holds it at the end of a month, where ?1 is the first instant after the month (UTC ms)
    // and ?2 the month's last day in Asia/Shanghai (YYYY-MM-DD). Empty: nothing to hold.
    std::string holding_sql{};
    // Reports over the journal and the plugin's tables (report.hpp), run by Plugin::report.
    std::vector<ReportSpec> reports{};

    const OperationSpec* find(std::string_view operation) const {
        return find_in(operations, operation);
    }
    const OperationSpec* find_admin(std::string_view operation) const {
        return find_in(admin_operations, operation);
    }

  private:
    static const OperationSpec* find_in(const std::vector<OperationSpec>& specs,
                                        std::string_view name) {
        for (const auto& op : specs) {
            if (op.name == name)
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
    // Runs one of the manifest's admin operations, asked by operations staff: channel
    // "admin", no customer, `request.params` validated. Call `done` exactly once.
    virtual void invoke_admin(const ServiceRequest& request, Done done) {
        done(ServiceResult::error("unknown_operation", "no admin operation " + request.operation));
    }
    // Computes one of the manifest's reports from `data` alone: the host may call it on a
    // module it loaded only for the report (`ehall report`), never started. Runs on the
    // calling thread; only the declared params are in `request.params`.
    virtual ReportResult report(const ReportRequest& request, ReportData& data) {
        (void)data;
        return ReportResult::bad_request("no report " + request.name);
    }
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
