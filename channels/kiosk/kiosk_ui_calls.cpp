#include "channels/kiosk/kiosk_ui_calls.hpp"

#include <memory>

#include <ehall/clock.hpp>
#include "channels/kiosk/kiosk_signature.hpp"
#include "gateway/base/random_token.hpp"

namespace ehall {

namespace {

// Where the calls come from; a request from the wire has its socket's address.
constexpr std::string_view touch_ui_address = "kiosk-ui";

}  // namespace

bool from_touch_ui(const Exchange& exchange) {
    return exchange.remote_address == touch_ui_address;
}

const nlohmann::json& KioskCallResult::data() const {
    static const nlohmann::json empty = nlohmann::json::object();
    auto it = body.find("data");
    return it != body.end() && it->is_object() ? *it : empty;
}

void KioskUiCalls::post(const KioskTerminal& terminal, const std::string& path,
                        const nlohmann::json& body, const std::string& request_id,
                        Done done) const {
    call(terminal, http::verb::post, path, body.dump(), request_id, std::move(done));
}

void KioskUiCalls::get(const KioskTerminal& terminal, const std::string& path,
                       const std::string& request_id, Done done) const {
    call(terminal, http::verb::get, path, "", request_id, std::move(done));
}

void KioskUiCalls::call(const KioskTerminal& terminal, http::verb method, const std::string& path,
                        std::string body, const std::string& request_id, Done done) const {
    // The exchange must outlive the handler's reply, which may come from another thread.
    auto exchange = std::make_shared<Exchange>();
    exchange->request_id = request_id;
    exchange->remote_address = touch_ui_address;
    HttpRequest& request = exchange->request;
    request.method(method);
    request.target(path);
    request.version(11);
    const std::string timestamp = std::to_string(now_ms() / 1000);
    const std::string nonce = random_hex(16);
    const std::string signature = hmac_sha256_hex(
        terminal.key, kiosk_string_to_sign(request.method_string(), path, timestamp, nonce, body));
    request.set("X-Terminal-Id", terminal.id);
    request.set("X-Timestamp", timestamp);
    request.set("X-Nonce", nonce);
    request.set("X-Signature", signature);
    request.set(http::field::content_type, "application/json");
    request.body() = std::move(body);
    request.prepare_payload();

    auto match = router_.match(method, exchange->path(), exchange->path_params);
    if (!match.handler) {
        done({404, {{"status", "error"}, {"code", "not_found"}, {"message", "no such route"}}});
        return;
    }
    exchange->route = *match.route;
    (*match.handler)(*exchange, [exchange, done = std::move(done)](HttpResponse response) {
        auto parsed = nlohmann::json::parse(response.body(), nullptr, false);
        if (parsed.is_discarded() || !parsed.is_object())
            parsed = {{"status", "error"}, {"code", "internal_error"}, {"message", "bad reply"}};
        done({response.result_int(), std::move(parsed)});
    });
}

}  // namespace ehall
