#include "gateway/offer_slot.hpp"

namespace ehall {

bool OfferSlot::offers_enabled(const std::string& channel) {
    for (const auto& available : dispatcher_.enabled_operations(channel)) {
        if (available.plugin->id == "offers")
            return true;
    }
    return false;
}

void OfferSlot::fill(const ServiceRequest& where, std::string_view placement, Done done,
                     std::optional<std::size_t> max_sms_units) {
    if (where.customer.empty() || !offers_enabled(where.channel))
        return done(std::nullopt);
    ServiceRequest request = where;
    request.plugin = "offers";
    request.operation = "impression";
    request.params = {{"placement", placement}};
    if (max_sms_units)
        request.params["max_sms_units"] = *max_sms_units;
    request.idempotency_key.clear();
    request.offer_id.clear();
    request.request_id = where.request_id + ":offer";
    request.received_at = std::chrono::system_clock::now();
    dispatcher_.dispatch_internal(std::move(request),
                                  [done = std::move(done)](ServiceResult result) {
                                      if (result.is_ok() && result.data.contains("offer"))
                                          return done(result.data["offer"]);
                                      done(std::nullopt);
                                  });
}

}  // namespace ehall
