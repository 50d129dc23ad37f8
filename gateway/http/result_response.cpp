#include "gateway/http/result_response.hpp"

#include "gateway/base/result_codes.hpp"

namespace ehall {

namespace {

std::string_view message_of(const ServiceResult& result) {
    return result.message.empty() ? message_for(result.code) : std::string_view(result.message);
}

bool carries_data(const ServiceResult& result) {
    return result.is_ok() || !result.data.empty();
}

void append_json(std::string& out, const nlohmann::json& value) {
    out += value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

nlohmann::json result_json(const ServiceResult& result) {
    nlohmann::json body = nlohmann::json::object();
    body["status"] = result.is_ok() ? "ok" : "error";
    body["code"] = result.code;
    body["message"] = message_of(result);
    if (carries_data(result))
        body["data"] = result.data;
    return body;
}

// The same text as json_response(result_json(result)), written without building the
// envelope object first: this runs once per API call. Keys in nlohmann's sorted order.
HttpResponse result_response(const ServiceResult& result) {
    std::string text;
    text.reserve(256);
    text += R"({"code":)";
    append_json(text, result.code);
    if (carries_data(result)) {
        text += R"(,"data":)";
        append_json(text, result.data);
    }
    text += R"(,"message":)";
    append_json(text, message_of(result));
    text += result.is_ok() ? R"(,"status":"ok"})" : R"(,"status":"error"})";
    return make_response(http_status_for(result.code), "application/json", std::move(text));
}

}  // namespace ehall
