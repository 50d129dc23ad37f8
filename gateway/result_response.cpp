#include "gateway/result_response.hpp"

#include "gateway/result_codes.hpp"

namespace ehall {

nlohmann::json result_json(const ServiceResult& result) {
    nlohmann::json body = {
        {"status", result.is_ok() ? "ok" : "error"},
        {"code", result.code},
        {"message",
         result.message.empty() ? std::string(message_for(result.code)) : result.message},
    };
    if (result.is_ok() || !result.data.empty())
        body["data"] = result.data;
    return body;
}

HttpResponse result_response(const ServiceResult& result) {
    return json_response(http_status_for(result.code), result_json(result));
}

}  // namespace ehall
