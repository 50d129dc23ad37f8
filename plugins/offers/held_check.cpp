#include "held_check.hpp"

namespace ehall::offers {

namespace {

bool present(const nlohmann::json& value) {
    if (value.is_array() || value.is_object() || value.is_string())
        return !value.empty();
    if (value.is_boolean())
        return value.get<bool>();
    if (value.is_number())
        return value.get<double>() != 0;
    return false;
}

}  // namespace

void check_held(PluginContext& context, const ServiceRequest& request, const Offer& offer,
                std::function<void(bool held)> done) {
    const auto dot = offer.held_check.find('.');
    const auto colon = offer.held_check.find(':');
    if (dot == std::string::npos || colon == std::string::npos || colon < dot)
        return done(false);  // no check configured: nobody holds it
    ServiceRequest check;
    check.channel = request.channel;
    check.subchannel = request.subchannel;
    check.terminal_id = request.terminal_id;
    check.session_id = request.session_id;
    check.customer = request.customer;
    check.request_id = request.request_id + ":held";
    check.plugin = offer.held_check.substr(0, dot);
    check.operation = offer.held_check.substr(dot + 1, colon - dot - 1);
    const std::string field = offer.held_check.substr(colon + 1);
    context.invoke_operation(
        std::move(check), [field, done = std::move(done)](ServiceResult result) {
            done(!result.is_ok() || present(result.data.value(field, nlohmann::json())));
        });
}

}  // namespace ehall::offers
