#include "channels/kiosk/kiosk_ui.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/post.hpp>

#include <ehall/clock.hpp>
#include "gateway/base/random_token.hpp"
#include "gateway/base/result_codes.hpp"
#include "gateway/base/yuan.hpp"
#include "gateway/html/html_response.hpp"
#include "gateway/html/result_view.hpp"
#include "gateway/http/credentials.hpp"
#include "gateway/http/on_workers.hpp"

namespace ehall {

namespace {

constexpr std::string_view device_cookie = "ehall_kiosk_device";
constexpr std::string_view customer_cookie_name = "ehall_kiosk_customer";
constexpr std::string_view activate_path = "/kiosk/ui/activate";
constexpr std::string_view start_path = "/kiosk/ui";

// HttpOnly and SameSite=Strict: no script reads it and no other site's form sends it.
std::string cookie(std::string_view name, std::string_view value, std::string_view max_age) {
    std::string text(name);
    text.append("=").append(value).append("; Path=/kiosk/ui; HttpOnly; SameSite=Strict");
    if (!max_age.empty())
        text.append("; Max-Age=").append(max_age);
    return text;
}

FormFields form_of(const Exchange& exchange) {
    FormFields fields;
    if (exchange.request.method() == http::verb::post)
        parse_form(exchange.request.body(), fields);
    return fields;
}

}  // namespace

void KioskUi::add_routes(Router& router) {
    using K = KioskUi;
    router.add(http::verb::get, std::string(activate_path),
               [this](const Exchange& e, Reply r) { activation_page(e, r); });
    router.add(
        http::verb::post, std::string(activate_path),
        [this](const Exchange& e, Reply r) {
            reply_from_workers(workers_, e, std::move(r),
                               [this](const Exchange& held) { return activate(held); });
        },
        cookie_form_route);
    router.add(http::verb::get, std::string(start_path), device_route(&K::start));
    router.add(http::verb::post, "/kiosk/ui/identify", device_route(&K::identify),
               cookie_form_route);
    router.add(http::verb::get, "/kiosk/ui/services", device_route(&K::services));
    router.add(http::verb::get, "/kiosk/ui/services/{plugin}/{operation}",
               device_route(&K::operation_form));
    router.add(http::verb::post, "/kiosk/ui/services/{plugin}/{operation}",
               device_route(&K::run_operation), form_route);
    router.add(http::verb::get, "/kiosk/ui/cash", device_route(&K::cash_number));
    router.add(http::verb::post, "/kiosk/ui/cash", device_route(&K::cash_confirm), form_route);
    router.add(http::verb::post, "/kiosk/ui/cash/intake", device_route(&K::cash_open), form_route);
    router.add(http::verb::get, "/kiosk/ui/cash/intakes/{id}", device_route(&K::cash_insert));
    router.add(http::verb::post, "/kiosk/ui/cash/intakes/{id}/pay", device_route(&K::cash_pay),
               form_route);
    router.add(http::verb::post, "/kiosk/ui/end", device_route(&K::end), cookie_form_route);
}

Handler KioskUi::device_route(Screen screen) {
    return [this, screen](const Exchange& exchange, Reply reply) {
        boost::asio::post(
            workers_, [this, screen, held = hold(exchange), reply = std::move(reply)]() mutable {
                const Exchange& exchange = *held;
                try {
                    auto device = devices_.find(cookie_value(exchange, device_cookie));
                    if (!device)
                        return reply(see_other(activate_path));
                    auto visit = std::make_shared<const Visit>(
                        Visit{held, form_of(exchange), std::move(*device),
                              cookie_value(exchange, customer_cookie_name)});
                    if (exchange.request.method() == http::verb::post &&
                        !constant_time_equal(form_field(visit->form, "csrf"),
                                             visit->device.csrf_token)) {
                        return reply(
                            page(http::status::forbidden, "problem_screen",
                                 page_data(*visit, "请求已失效",
                                           {{"problem", "页面已过期，请返回首页重新办理。"}})));
                    }
                    (this->*screen)(visit, reply);
                } catch (const std::exception& e) {
                    spdlog::error("kiosk UI request failed: {}", e.what());
                    if (reply)  // still ours: the screen failed before handing it on
                        reply(html_response(http::status::internal_server_error, "internal error"));
                }
            });
    };
}

void KioskUi::activation_page(const Exchange& exchange, Reply& reply) {
    nlohmann::json data = {{"title", "终端激活"},
                           {"terminal_id", exchange.query_param("terminal")}};
    reply(page(http::status::ok, "activate_screen", data));
}

HttpResponse KioskUi::activate(const Exchange& exchange) {
    FormFields form = form_of(exchange);
    const std::string terminal_id = form_field(form, "terminal_id");
    const std::int64_t now = now_ms();
    auto refuse = [&](http::status status, const char* why) {
        nlohmann::json data = {{"title", "终端激活"}, {"terminal_id", terminal_id}, {"error", why}};
        return page(status, "activate_screen", data);
    };
    auto activation =
        devices_.activate(terminal_id, form_field(form, "code"), exchange.remote_address, now);
    if (activation.throttled)
        return refuse(http::status::too_many_requests, "激活码错误次数过多，请稍后再试。");
    auto& activated = activation.activated;
    if (!activated)
        return refuse(http::status::unauthorized, "激活码无效、已使用或已过期，或终端已停用。");
    spdlog::info("kiosk UI activated for terminal {}", terminal_id);
    auto response = see_other(start_path);
    response.set(http::field::set_cookie,
                 cookie(device_cookie, activated->token, std::to_string(10 * 365 * 86400)));
    return response;
}

std::string KioskUi::customer_cookie(std::string_view token) {
    // No Max-Age: gone with the browser; the session itself expires server-side when idle.
    return cookie(customer_cookie_name, token, token.empty() ? "0" : "");
}

HttpResponse KioskUi::back_to_start() {
    auto response = see_other(start_path);
    response.set(http::field::set_cookie, customer_cookie(""));
    return response;
}

KioskCall KioskUi::call_of(const Visit& visit) {
    return {.terminal = visit.device.terminal,
            .request_id = visit.exchange->request_id,
            .started = visit.exchange->started,
            .caller = KioskCaller::touch_ui};
}

void KioskUi::on_workers(Reply reply, std::function<void(Reply& reply)> step) {
    boost::asio::post(workers_, [step = std::move(step), reply = std::move(reply)]() mutable {
        try {
            step(reply);
        } catch (const std::exception& e) {
            spdlog::error("kiosk UI request failed: {}", e.what());
            if (reply)  // still ours: the screen failed before handing it on
                reply(html_response(http::status::internal_server_error, "internal error"));
        }
    });
}

void KioskUi::end(const VisitPtr& visit, Reply& reply) {
    if (!visit->customer_token.empty()) {
        try {
            service_.end_session(call_of(*visit), visit->customer_token);
        } catch (const std::exception& e) {
            // Back to the start screen all the same; the session expires when idle.
            spdlog::error("kiosk UI end of session failed: {}", e.what());
        }
    }
    reply(back_to_start());
}

bool KioskUi::customer_present(const Visit& visit) {
    if (visit.customer_token.empty())
        return false;
    auto session = customers_.find(visit.customer_token);
    return session && session->channel == "kiosk" &&
           session->terminal_id == visit.device.terminal.id;
}

void KioskUi::render_receipt(const VisitPtr& visit, const KioskResult& result,
                             const Manifest* plugin, Reply& reply) {
    nlohmann::json receipt = result.receipt.value_or(nlohmann::json());
    if (receipt.is_object()) {
        add_yuan_fields(receipt);
        receipt["kept"] = !receipt.value("receipt_no", "").empty();
        if (receipt.value("title", "").empty())
            receipt["title"] = receipt.value("operation", "");
        if (receipt.value("msisdn", "").empty())
            receipt["msisdn"] = false;
    }
    // The result's details in the answering plugin's words, laid out as on the web hall,
    // without what the receipt shows already. The number stays masked on a public screen.
    nlohmann::json shown = result.ok() && plugin ? result.result.data : nullptr;
    if (shown.is_object()) {
        shown.erase("msisdn");
        if (result.receipt && result.receipt->is_object()) {
            for (const auto& [key, value] : result.receipt->items())
                shown.erase(key);
        }
    }
    nlohmann::json details = result_view(shown, plugin ? *plugin : Manifest{});
    auto status = result.ok() ? http::status::ok : http_status_for(result.result.code);
    reply(page(status, "receipt_screen",
               page_data(*visit, result.ok() ? "办理成功" : "未能办理",
                         {{"ok", result.ok()},
                          {"receipt", receipt},
                          {"details", details},
                          {"message", result.message()},
                          {"customer", customer_present(*visit)}})));
}

nlohmann::json KioskUi::page_data(const Visit& visit, const std::string& title,
                                  nlohmann::json data) const {
    data["title"] = title;
    data["csrf"] = visit.device.csrf_token;
    data["terminal_id"] = visit.device.terminal.id;
    data["hall"] = visit.device.terminal.hall;
    if (!data.contains("idle_seconds"))
        data["idle_seconds"] = idle_seconds_;
    if (!data.contains("countdown"))
        data["countdown"] = true;
    return data;
}

HttpResponse KioskUi::page(http::status status, const std::string& name,
                           const nlohmann::json& data) const {
    return html_response(status, pages_.render_page(name, data));
}

}  // namespace ehall
