#include "channels/sms/sms_api.hpp"

#include <spdlog/spdlog.h>
#include <algorithm>

#include "channels/sms/sms_length.hpp"
#include "gateway/base/random_token.hpp"

namespace ehall::sms {

namespace {

constexpr std::string_view reply_type = "text/plain; charset=utf-8";

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    });
    return out;
}

// The `charset=` parameter of a Content-Type, empty when none.
std::string charset_of(std::string_view content_type) {
    const std::string type = lower(content_type);
    auto at = type.find("charset=");
    if (at == std::string::npos)
        return {};
    std::string charset = type.substr(at + 8, type.find(';', at) - (at + 8));
    std::erase(charset, '"');
    return charset;
}

// Query fields, then form fields; a POST body that is not a form is Kannel's post-url
// text, described by X-Kannel-* headers and the Content-Type charset.
MoMessage read_message(const Exchange& exchange, FormFields& fields) {
    parse_form(exchange.query(), fields);
    const std::string& body = exchange.request.body();
    std::optional<std::string_view> body_text;
    if (exchange.request.method() == http::verb::post && !body.empty()) {
        const std::string type = exchange.header(http::field::content_type);
        if (lower(type).starts_with("application/x-www-form-urlencoded")) {
            parse_form(body, fields);
        } else {
            body_text = body;
            const std::pair<const char*, std::string> fallbacks[] = {
                {"from", exchange.header("X-Kannel-From")},
                {"to", exchange.header("X-Kannel-To")},
                {"coding", exchange.header("X-Kannel-Coding")},
                {"charset", charset_of(type)}};
            for (const auto& [name, value] : fallbacks) {
                if (!value.empty())
                    fields.emplace(name, value);
            }
        }
    }
    return mo_message(fields, body_text);
}

}  // namespace

HttpResponse sms_reply(std::string text) {
    const bool ucs2 = !is_gsm7(text);
    HttpResponse response = make_response(http::status::ok, reply_type, std::move(text));
    // Kannel (accept-x-kannel-headers) would otherwise send GSM-7, turning Chinese into '?';
    // with coding 2 it converts the UTF-8 body to UCS-2.
    if (ucs2)
        response.set("X-Kannel-Coding", "2");
    return response;
}

bool mo_caller_allowed(const Config::Sms& config, std::string_view remote_address,
                       std::string_view secret) {
    if (!config.shared_secret.empty() && !secret.empty() &&
        constant_time_equal(secret, config.shared_secret)) {
        return true;
    }
    if (remote_address.starts_with("::ffff:") && remote_address.find('.') != std::string::npos)
        remote_address.remove_prefix(7);
    return std::find(config.allowed_sources.begin(), config.allowed_sources.end(),
                     remote_address) != config.allowed_sources.end();
}

void SmsApi::add_routes(Router& router) {
    auto handler = [this](const Exchange& exchange, Reply reply) { receive(exchange, reply); };
    router.add(http::verb::get, "/sms/mo", handler);
    // Kannel posts a form (sms-service) or the message text itself (post-url).
    router.add(http::verb::post, "/sms/mo", handler, form_route);
}

void SmsApi::receive(const Exchange& exchange, Reply reply) {
    FormFields fields;
    MoMessage mo;
    try {
        mo = read_message(exchange, fields);
    } catch (const std::exception& e) {
        spdlog::error("sms: cannot read the message: {}", e.what());
        return reply(make_response(http::status::ok, reply_type, ""));
    }
    std::string secret = exchange.header("X-Ehall-Secret");
    if (secret.empty()) {
        auto it = fields.find("secret");
        secret = it == fields.end() ? std::string{} : it->second;
    }
    if (!mo_caller_allowed(config_.sms, exchange.remote_address, secret)) {
        ServiceRequest refused;
        refused.channel = "sms";
        refused.plugin = "sms";
        refused.operation = "mo";
        refused.request_id = exchange.request_id;
        dispatcher_.report(refused, ServiceResult::error("forbidden"), exchange.started);
        return reply(make_response(http::status::forbidden, reply_type, "forbidden\n"));
    }
    auto answer = [reply = std::move(reply)](std::string text) {
        reply(sms_reply(std::move(text)));
    };
    if (mo.id.empty())  // nothing to record first: read-only commands are answered right here
        return hall_.handle(mo, exchange.request_id, std::move(answer));
    // Recording the message first waits on the store. The work owns what it needs: the
    // exchange is not read on the other thread.
    dispatcher_.run_blocking([this, mo = std::move(mo), request_id = exchange.request_id,
                              answer = std::move(answer)]() mutable {
        hall_.handle(mo, request_id, std::move(answer));
    });
}

}  // namespace ehall::sms
