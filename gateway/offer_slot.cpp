#include "gateway/offer_slot.hpp"

#include "gateway/clock.hpp"

namespace ehall {

namespace {
// Beyond this many quiet customers, those whose quiet time is over are dropped.
constexpr std::size_t kPruneAbove = 100000;
}  // namespace

bool OfferSlot::quiet(const std::string& customer, std::int64_t now_ms) {
    std::lock_guard lock(quiet_mutex_);
    auto it = quiet_until_.find(customer);
    return it != quiet_until_.end() && now_ms < it->second;
}

void OfferSlot::keep_quiet(const std::string& customer, std::int64_t until_ms) {
    std::lock_guard lock(quiet_mutex_);
    if (quiet_until_.size() >= kPruneAbove) {
        const std::int64_t now = now_ms();
        std::erase_if(quiet_until_, [now](const auto& item) { return item.second <= now; });
    }
    if (quiet_until_.size() < kPruneAbove)
        quiet_until_.insert_or_assign(customer, until_ms);
}

void OfferSlot::fill(const ServiceRequest& where, std::string_view placement, Done done,
                     std::optional<std::size_t> max_sms_units) {
    // Without the offers plugin on the channel there is nothing to ask (and nothing to journal).
    if (where.customer.empty() || quiet(where.customer, now_ms()) ||
        !dispatcher_.serves("offers", where.channel))
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
    dispatcher_.dispatch_internal(
        std::move(request),
        [this, customer = where.customer, done = std::move(done)](ServiceResult result) {
            if (result.is_ok() && result.data.contains("offer"))
                return done(result.data["offer"]);
            const auto until = result.data.find("quiet_until_ms");
            if (until != result.data.end() && until->is_number_integer())
                keep_quiet(customer, until->get<std::int64_t>());
            done(std::nullopt);
        });
}

}  // namespace ehall
