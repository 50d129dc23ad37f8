// The JSON rendering of a ServiceResult shared by the JSON APIs (DESIGN §6b):
// {"status":"ok"|"error","code","message","data"} with the HTTP status of the code.
#pragma once

#include <ehall/plugin.hpp>
#include "gateway/http/exchange.hpp"

namespace ehall {

nlohmann::json result_json(const ServiceResult& result);
HttpResponse result_response(const ServiceResult& result);

}  // namespace ehall
