// The touch UI's screens for an identified customer: the start screen's identification,
// the services tiles (with the offer popup right after identification), an operation's
// form and running it.
#include <algorithm>
#include <charconv>

#include "channels/kiosk/kiosk_ui.hpp"
#include "gateway/base/random_token.hpp"
#include "gateway/base/result_codes.hpp"
#include "gateway/base/yuan.hpp"
#include "gateway/html/html_response.hpp"

namespace ehall {

namespace {

// The enabled operation `plugin`.`operation` from the kiosk's services list, or null.
nlohmann::json find_operation(const nlohmann::json& services, const std::string& plugin,
                              const std::string& operation) {
    for (const auto& service : services) {
        if (service.value("plugin", "") == plugin && service.value("operation", "") == operation)
            return service;
    }
    return nullptr;
}

// How a parameter is typed on the kiosk: money in yuan, numbers on the keypad. The operation
// that takes cash is offered without that choice: cash is paid on the insert-cash screen,
// for the notes the terminal's acceptor counted (kiosk_ui_cash.cpp), never for a typed sum.
nlohmann::json field_of(const nlohmann::json& operation, const nlohmann::json& param) {
    const std::string type = param.value("type", "text");
    nlohmann::json field = param;
    if (operation.value("cash_by_msisdn", false) && field.contains("choices")) {
        auto& choices = field["choices"];
        choices.erase(std::remove(choices.begin(), choices.end(), "cash"), choices.end());
    }
    field["is_choice"] = type == "choice";
    field["is_amount"] = type == "amount";
    field["numeric"] = type == "integer" || type == "msisdn" || type == "phone" || type == "digits";
    return field;
}

// The operation's parameters from the form: amounts in yuan become fen, integers numbers.
// An empty value is left out (the API says which are required); nothing when a value
// does not read as its type.
std::optional<nlohmann::json> params_from(const nlohmann::json& operation, const FormFields& form) {
    nlohmann::json params = nlohmann::json::object();
    for (const auto& param : operation.value("params", nlohmann::json::array())) {
        const std::string name = param.value("name", "");
        const std::string text = form_field(form, name);
        if (text.empty())
            continue;
        const std::string type = param.value("type", "text");
        if (type == "amount") {
            auto fen = parse_yuan(text);
            if (!fen)
                return std::nullopt;
            params[name] = *fen;
        } else if (type == "integer") {
            std::int64_t value = 0;
            auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
            if (ec != std::errc() || end != text.data() + text.size())
                return std::nullopt;
            params[name] = value;
        } else {
            params[name] = text;
        }
    }
    return params;
}

}  // namespace

void KioskUi::start(const VisitPtr& visit, Reply& reply) {
    reply(
        page(http::status::ok, "start_screen", page_data(*visit, "欢迎", {{"countdown", false}})));
}

void KioskUi::identify(const VisitPtr& visit, Reply& reply) {
    nlohmann::json body = {{"msisdn", form_field(visit->form, "msisdn")},
                           {"password", form_field(visit->form, "password")}};
    // The password is checked on the sign-in gate; the screen goes on on a worker.
    service_.identify(
        call_of(*visit), std::move(body),
        [this, visit, reply = std::move(reply)](KioskResult result) mutable {
            on_workers(std::move(reply), [this, visit, result = std::move(result)](Reply& reply) {
                if (!result.ok()) {
                    nlohmann::json data = {{"countdown", false},
                                           {"msisdn", form_field(visit->form, "msisdn")},
                                           {"error", result.message()}};
                    return reply(page(http_status_for(result.result.code), "start_screen",
                                      page_data(*visit, "欢迎", std::move(data))));
                }
                const std::string token = result.result.data.value("customer_token", "");
                render_services(visit, result.result.data, customer_cookie(token), reply);
            });
        });
}

void KioskUi::services(const VisitPtr& visit, Reply& reply) {
    if (!customer_present(*visit))
        return reply(back_to_start());
    render_services(visit, nullptr, "", reply);
}

void KioskUi::with_services(
    const VisitPtr& visit, Reply& reply,
    std::function<void(const nlohmann::json& services, Reply& reply)> done) {
    ServiceResult listed = service_.services();
    if (!listed.is_ok())
        return render_receipt(visit, {std::move(listed)}, nullptr, reply);
    done(listed.data.value("services", nlohmann::json::array()), reply);
}

void KioskUi::render_services(const VisitPtr& visit, nlohmann::json identified,
                              std::string set_cookie, Reply& reply) {
    with_services(
        visit, reply,
        [this, visit, identified = std::move(identified), set_cookie = std::move(set_cookie)](
            const nlohmann::json& services, Reply& reply) {
            nlohmann::json tiles = nlohmann::json::array();
            for (const auto& service : services) {
                if (service.value("contextual", false))
                    continue;  // offered where its context is (the offer popup), not as a tile
                std::string href = "/kiosk/ui/services/";
                href.append(service.value("plugin", ""))
                    .append("/")
                    .append(service.value("operation", ""));
                tiles.push_back({{"title", service.value("title", "")},
                                 {"plugin_name", service.value("plugin_name", "")},
                                 {"href", href}});
            }
            nlohmann::json data = {{"tiles", tiles}};
            if (identified.is_object()) {
                data["masked_name"] = identified.value("masked_name", "");
                data["offer"] = identified.value("offer", nlohmann::json());
            }
            auto response =
                page(http::status::ok, "services_screen", page_data(*visit, "自助服务", data));
            if (!set_cookie.empty())
                response.set(http::field::set_cookie, set_cookie);
            reply(std::move(response));
        });
}

void KioskUi::operation_form(const VisitPtr& visit, Reply& reply) {
    if (!customer_present(*visit))
        return reply(back_to_start());
    with_services(visit, reply, [this, visit](const nlohmann::json& services, Reply& reply) {
        auto operation = find_operation(services, visit->exchange->path_param("plugin"),
                                        visit->exchange->path_param("operation"));
        if (operation.is_null()) {
            return reply(
                page(http::status::not_found, "problem_screen",
                     page_data(*visit, "无此业务", {{"problem", "此业务暂不能在本终端办理。"}})));
        }
        nlohmann::json fields = nlohmann::json::array();
        bool keypad = false, decimal = false;
        for (const auto& param : operation["params"]) {
            fields.push_back(field_of(operation, param));
            keypad = keypad || fields.back()["numeric"].get<bool>() ||
                     fields.back()["is_amount"].get<bool>();
            decimal = decimal || fields.back()["is_amount"].get<bool>();
        }
        nlohmann::json data = {{"operation", operation},
                               {"fields", fields},
                               {"has_keypad", keypad},
                               {"keypad_decimal", decimal},
                               {"action", std::string(visit->exchange->path())},
                               {"kiosk_txn", random_hex(8)}};
        reply(page(http::status::ok, "operation_screen",
                   page_data(*visit, operation.value("title", ""), std::move(data))));
    });
}

void KioskUi::run_operation(const VisitPtr& visit, Reply& reply) {
    if (!customer_present(*visit))
        return reply(back_to_start());
    with_services(visit, reply, [this, visit](const nlohmann::json& services, Reply& reply) {
        const std::string plugin = visit->exchange->path_param("plugin");
        const std::string name = visit->exchange->path_param("operation");
        auto operation = find_operation(services, plugin, name);
        auto params = operation.is_null() ? std::optional<nlohmann::json>(nlohmann::json::object())
                                          : params_from(operation, visit->form);
        if (!params) {
            return reply(page(http::status::bad_request, "problem_screen",
                              page_data(*visit, "输入有误",
                                        {{"problem", "金额或数字格式不正确，请重新输入。"}})));
        }
        // The same body the signed API takes, so the kiosk's fields are checked alike.
        (*params)["customer_token"] = visit->customer_token;
        (*params)["kiosk_txn"] = form_field(visit->form, "kiosk_txn");
        const Manifest* manifest = service_.dispatcher().loaded_manifest(plugin);
        service_.invoke(
            call_of(*visit), plugin, name, take_kiosk_fields(std::move(*params), ""),
            [this, visit, manifest, reply = std::move(reply)](KioskResult result) mutable {
                render_receipt(visit, result, manifest, reply);
            });
    });
}

}  // namespace ehall
