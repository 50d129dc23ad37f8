// The ops console's pages: the plugins x channels matrix and its switches, a plugin's
// manifest, the audit trail, and the kiosk terminals. Each reads and acts through the code
// the /admin/v1 routes call (OpsServices), on the worker the page runs on.
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <ehall/clock.hpp>
#include "gateway/admin/terminal_list.hpp"
#include "gateway/base/yuan.hpp"
#include "gateway/console/ops_console.hpp"
#include "gateway/host/plugin_enablement.hpp"
#include "gateway/html/html_response.hpp"
#include "gateway/http/json_body.hpp"
#include "gateway/store/ops_audit.hpp"

namespace ehall {

namespace {

// The param `name` of `operation` when it is declared of type json, else null.
const ParamSpec* json_param_named(const OperationSpec* operation, const std::string& name) {
    if (!operation)
        return nullptr;
    for (const auto& param : operation->params) {
        if (param.name == name && param.type == ParamType::json)
            return &param;
    }
    return nullptr;
}

std::string encoded(const std::string& value) {
    return boost::urls::encode(value, boost::urls::unreserved_chars);
}

std::string on_off(bool enabled) {
    return enabled ? "开启" : "关闭";
}

}  // namespace

void OpsConsole::plugins_page(const Staff& staff, const Exchange& exchange, Reply reply) {
    const std::string changed = exchange.query_param("changed");
    const std::string changed_channel = exchange.query_param("channel");
    const nlohmann::json listed = services_.plugins.list();
    const auto errors = metrics_.last_errors();
    nlohmann::json rows = nlohmann::json::array();
    std::string flash;
    for (const auto& plugin : listed["plugins"]) {
        const std::string id = plugin["id"];
        nlohmann::json cells = nlohmann::json::array();
        for (auto channel : known_channels) {
            const bool enabled = plugin["channels"].value(std::string(channel), false);
            cells.push_back({{"channel", channel},
                             {"enabled", enabled},
                             {"state", on_off(enabled)},
                             {"href", "/admin/plugins/" + id + "/" + std::string(channel) +
                                          "?enable=" + (enabled ? "0" : "1")}});
            if (id == changed && channel == changed_channel)
                flash = "已" + on_off(enabled) + " " + id + " 在 " + changed_channel + " 渠道";
        }
        nlohmann::json row = {{"id", id},
                              {"name", plugin["name"]},
                              {"version", plugin["version"]},
                              {"operations", plugin["operations"].size()},
                              {"cells", cells}};
        if (auto it = errors.find(id); it != errors.end()) {
            row["last_error"] = {{"code", it->second.code},
                                 {"operation", it->second.operation},
                                 {"channel", it->second.channel},
                                 {"time", shanghai_datetime(it->second.at_ms)}};
        }
        rows.push_back(row);
    }
    reply(page(staff, "plugins",
               {{"title", "插件开关"},
                {"section", "/admin/plugins"},
                {"flash", flash},
                {"plugins", rows},
                {"refused", listed["refused"]},
                {"has_refused", !listed["refused"].empty()}}));
}

void OpsConsole::plugin_page(const Staff& staff, const Exchange& exchange, Reply reply) {
    const std::string id = exchange.path_param("id");
    nlohmann::json listed = services_.plugins.list();
    for (auto& plugin : listed["plugins"]) {
        if (plugin["id"] != id)
            continue;
        for (auto& op : plugin["operations"])
            op["keywords"] = op["sms_keywords"].empty() ? "—" : op["sms_keywords"].dump();
        plugin["has_admin_operations"] = !plugin["admin_operations"].empty();
        plugin["title"] = plugin["name"];
        plugin["section"] = "/admin/plugins";
        return reply(page(staff, "plugin", plugin));
    }
    reply(page(staff, "refused", {{"title", "没有这个插件"}, {"reason", id}},
               http::status::not_found));
}

// A plugin's admin operation from its form: the filled fields as the params (the host turns
// digit strings into numbers and checks them against the manifest), run as the CLI's and
// curl's calls of the /admin/v1 route are, so it is audited the same way.
void OpsConsole::run_plugin_operation(const Staff& staff, const Exchange& exchange,
                                      const FormFields& form, Reply reply) {
    const std::string id = exchange.path_param("id");
    const std::string operation = exchange.path_param("operation");
    const OperationSpec* spec = services_.plugin_ops.find(id, operation);
    nlohmann::json params = nlohmann::json::object();
    for (const auto& [name, value] : form) {
        if (name == "csrf" || value.empty())
            continue;
        const ParamSpec* json_param = json_param_named(spec, name);
        if (!json_param) {
            params[name] = value;
            continue;
        }
        // A JSON param (a catalog entry) is typed as JSON text into its box.
        auto parsed = parse_bounded_json(value);
        if (!parsed) {
            const std::string& label = json_param->label.empty() ? name : json_param->label;
            return reply(page(staff, "refused",
                              {{"title", "参数有误"}, {"reason", label + "：不是有效的 JSON"}},
                              http::status::bad_request));
        }
        params[name] = std::move(*parsed);
    }
    ServiceResult done = services_.plugin_ops.run(id, operation, std::move(params), staff.actor,
                                                  exchange.request_id);
    if (!done.is_ok())
        return reply(admin_failure(staff, done));
    reply(
        page(staff, "plugin_op_done",
             {{"title", "运维操作完成"},
              {"section", "/admin/plugins"},
              {"plugin", id},
              {"operation", operation},
              {"data", done.data.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)}}));
}

void OpsConsole::confirm_switch(const Staff& staff, const Exchange& exchange, Reply reply) {
    const std::string id = exchange.path_param("id");
    const std::string channel = exchange.path_param("channel");
    const bool enable = exchange.query_param("enable") == "1";
    if (!is_known_channel(channel)) {
        return reply(page(staff, "refused", {{"title", "没有这个渠道"}, {"reason", channel}},
                          http::status::not_found));
    }
    reply(page(staff, "confirm_switch",
               {{"title", "确认" + on_off(enable)},
                {"section", "/admin/plugins"},
                {"plugin", id},
                {"channel", channel},
                {"action", on_off(enable)},
                {"enable", enable ? "1" : "0"},
                {"form_action", "/admin/plugins/" + encoded(id) + "/" + channel}}));
}

void OpsConsole::switch_plugin(const Staff& staff, const Exchange& exchange, const FormFields& form,
                               Reply reply) {
    const std::string id = exchange.path_param("id");
    const std::string channel = exchange.path_param("channel");
    const bool enable = form_field(form, "enabled") == "1";
    ServiceResult done = services_.plugins.set(id, {channel}, enable, staff.actor);
    if (!done.is_ok())
        return reply(admin_failure(staff, done));
    reply(see_other("/admin/plugins?changed=" + encoded(id) + "&channel=" + encoded(channel)));
}

void OpsConsole::audit_page(const Staff& staff, const Exchange& exchange, Reply reply) {
    const std::string actor = exchange.query_param("actor");
    const std::string target = exchange.query_param("target");
    nlohmann::json entries = list_audit(store_, 200, actor, target);
    for (auto& entry : entries) {
        entry["before_text"] = entry["before"].dump();
        entry["after_text"] = entry["after"].dump();
    }
    reply(page(staff, "audit",
               {{"title", "审计日志"},
                {"section", "/admin/audit"},
                {"actor", actor},
                {"target", target},
                {"entries", entries},
                {"empty", entries.empty()}}));
}

void OpsConsole::terminals_page(const Staff& staff, const Exchange&, Reply reply) {
    nlohmann::json terminals = list_terminals(store_, now_ms());
    for (auto& terminal : terminals) {
        const auto& device = terminal["device"];
        terminal["enabled"] = terminal["status"] == "active";
        terminal["device_text"] = device.is_object() && !device.empty() ? device.dump() : "—";
        const auto difference = terminal["cash"].value("difference_fen", nlohmann::json());
        terminal["cash"]["mismatch"] = difference.is_number_integer() && difference != 0;
        add_yuan_fields(terminal);
    }
    reply(page(staff, "terminals",
               {{"title", "自助终端"}, {"section", "/admin/terminals"}, {"terminals", terminals}}));
}

void OpsConsole::terminal_action(const Staff& staff, const Exchange& exchange,
                                 const FormFields& form, Reply reply) {
    const std::string id = exchange.path_param("id");
    const std::string action = exchange.path_param("action");
    TerminalAdmin& terminals = services_.terminals;
    ServiceResult done;
    if (id.empty()) {  // register
        done = terminals.create(form_field(form, "id"), form_field(form, "hall"),
                                form_field(form, "location"), staff.actor);
    } else if (action == "rotate") {
        done = terminals.rotate(id, staff.actor);
    } else if (action == "disable" || action == "enable") {
        done = terminals.set_enabled(id, action == "enable", staff.actor);
    } else if (action == "activation_code") {
        done = terminals.activation_code(id, staff.actor);
    } else if (action == "cash-collected") {
        auto counted = parse_yuan(form_field(form, "counted_yuan"));
        if (!counted) {
            return reply(page(staff, "refused",
                              {{"title", "金额有误"}, {"reason", "请输入清点的现金金额（元）"}},
                              http::status::bad_request));
        }
        done = terminals.cash_collected(id, *counted, staff.actor);
    } else {
        return reply(page(staff, "refused", {{"title", "未知操作"}, {"reason", action}},
                          http::status::not_found));
    }
    if (!done.is_ok())
        return reply(admin_failure(staff, done));
    nlohmann::json data = std::move(done.data);
    data["status"] = "ok";
    data["code"] = "ok";
    add_yuan_fields(data);
    data["title"] = "终端操作完成";
    data["section"] = "/admin/terminals";
    reply(page(staff, "terminal_done", data));
}

}  // namespace ehall
