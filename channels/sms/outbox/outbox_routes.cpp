#include "channels/sms/outbox/outbox_routes.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>
#include <limits>

#include "channels/sms/sms_api.hpp"
#include "gateway/http/json_body.hpp"
#include "gateway/http/on_workers.hpp"
#include "gateway/identity/admin_auth.hpp"
#include "gateway/store/ops_audit.hpp"

namespace ehall::sms {

namespace {

HttpResponse text_reply(http::status status, std::string body) {
    return make_response(status, "text/plain; charset=utf-8", std::move(body));
}

HttpResponse error_reply(http::status status, const std::string& code, const std::string& message) {
    return json_response(status, {{"status", "error"}, {"code", code}, {"message", message}});
}

// A whole decimal number in [low, high], nothing otherwise.
std::optional<std::int64_t> whole_number(std::string_view text, std::int64_t low,
                                         std::int64_t high) {
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < low ||
        value > high) {
        return std::nullopt;
    }
    return value;
}

nlohmann::json message_json(const OutboxMessage& m) {
    return {{"id", m.id},
            {"msisdn", m.msisdn},
            {"text", m.text},
            {"status", to_string(m.status)},
            {"attempts", m.attempts},
            {"next_attempt_ms", m.next_attempt_ms},
            {"created_ms", m.created_ms},
            {"updated_ms", m.updated_ms},
            {"last_error", m.last_error},
            {"kannel_reference", m.kannel_reference}};
}

}  // namespace

void OutboxRoutes::add_routes(Router& router) {
    router.add(http::verb::get, "/sms/dlr", [this](const Exchange& exchange, Reply reply) {
        on_delivery_report(exchange, reply);
    });

    auto admin = [this](auto work) {
        return admin_route(config_, workers_,
                           [this, work](const Exchange& e, const std::string& actor) {
                               return work(this, e, actor);
                           });
    };
    router.add(http::verb::post, "/admin/v1/sms/push",
               admin([](OutboxRoutes* self, const Exchange& e, const std::string& actor) {
                   return self->push(e, actor);
               }));
    router.add(http::verb::get, "/admin/v1/sms/outbox",
               admin([](OutboxRoutes* self, const Exchange& e, const std::string&) {
                   return self->list(e);
               }));
    router.add(http::verb::get, "/admin/v1/sms/outbox/{id}",
               admin([](OutboxRoutes* self, const Exchange& e, const std::string&) {
                   return self->show(e);
               }));
}

void OutboxRoutes::on_delivery_report(const Exchange& exchange, Reply reply) {
    // The same rule as /sms/mo: an allowed source address, or the shared secret.
    std::string secret = exchange.header("X-Ehall-Secret");
    if (secret.empty())
        secret = exchange.query_param("secret");
    if (!mo_caller_allowed(config_.sms, exchange.remote_address, secret))
        return reply(text_reply(http::status::forbidden, "forbidden\n"));
    auto id = whole_number(exchange.query_param("id"), 1, std::numeric_limits<std::int64_t>::max());
    auto status = whole_number(exchange.query_param("status"), 0, 1 << 16);
    if (!id || !status || !decode_delivery_report(static_cast<int>(*status))) {
        return reply(
            text_reply(http::status::bad_request, "expected id=<outbox id>&status=<1|2|4|8|16>\n"));
    }
    reply_from_workers(workers_, std::move(reply), [this, id = *id, status = *status] {
        auto outcome = outbox_.apply_delivery_report(id, static_cast<int>(status), now_ms());
        if (outcome == SmsOutbox::ReportOutcome::unknown_id)
            return text_reply(http::status::not_found, "no such push\n");
        spdlog::info("sms outbox: push {} delivery report {}", id, status);
        return text_reply(http::status::ok, "ok\n");
    });
}

HttpResponse OutboxRoutes::push(const Exchange& exchange, const std::string& actor) {
    auto body = json_object_body(exchange);
    if (!body || !body->contains("msisdn") || !(*body)["msisdn"].is_string() ||
        !body->contains("text") || !(*body)["text"].is_string()) {
        return error_reply(http::status::bad_request, "bad_request",
                           "expected {\"msisdn\": \"13800138000\", \"text\": \"...\"}");
    }
    const std::string msisdn = (*body)["msisdn"].get<std::string>();
    const std::string text = (*body)["text"].get<std::string>();
    const auto purpose = body->value("purpose", nlohmann::json("marketing"));
    if (purpose != "marketing" && purpose != "service") {
        return error_reply(http::status::bad_request, "bad_request",
                           "purpose must be \"marketing\" (the default) or \"service\"");
    }
    if (purpose == "marketing" && opt_out_.opted_out(msisdn)) {
        return error_reply(http::status::unprocessable_entity, "opted_out",
                           "the number sent TD: no marketing messages until it sends KT");
    }
    std::int64_t id = 0;
    try {
        id = outbox_.enqueue(msisdn, text, now_ms(), [&](Transaction& tx, std::int64_t new_id) {
            record_audit(
                tx, actor, "sms.push", msisdn, "",
                nlohmann::json{{"id", new_id}, {"text", text}, {"purpose", purpose}}.dump());
        });
    } catch (const std::invalid_argument& e) {
        return error_reply(http::status::bad_request, "bad_request", e.what());
    }
    return json_response(http::status::accepted,
                         {{"status", "ok"},
                          {"code", "ok"},
                          {"message", sending_ ? "queued" : "queued; no sendsms_url configured"},
                          {"data", {{"id", id}, {"status", "queued"}, {"sending", sending_}}}});
}

HttpResponse OutboxRoutes::show(const Exchange& exchange) {
    auto id = whole_number(exchange.path_param("id"), 1, std::numeric_limits<std::int64_t>::max());
    auto message = id ? outbox_.find(*id) : std::nullopt;
    if (!message)
        return error_reply(http::status::not_found, "not_found", "no such push");
    return json_response(http::status::ok,
                         {{"status", "ok"}, {"code", "ok"}, {"data", message_json(*message)}});
}

HttpResponse OutboxRoutes::list(const Exchange& exchange) {
    const std::string status = exchange.query_param("status");
    if (!status.empty() && !outbox_status(status)) {
        return error_reply(http::status::bad_request, "bad_request",
                           "status must be queued, sent, delivered or failed");
    }
    std::size_t limit = 100;
    if (auto text = exchange.query_param("limit"); !text.empty()) {
        auto value = whole_number(text, 1, 1000);
        if (!value)
            return error_reply(http::status::bad_request, "bad_request", "limit must be 1..1000");
        limit = static_cast<std::size_t>(*value);
    }
    nlohmann::json messages = nlohmann::json::array();
    for (const auto& message : outbox_.list(status, limit))
        messages.push_back(message_json(message));
    return json_response(http::status::ok,
                         {{"status", "ok"}, {"code", "ok"}, {"data", {{"messages", messages}}}});
}

}  // namespace ehall::sms
