#include "gateway/dispatch/placement_slot.hpp"

#include <ehall/clock.hpp>

namespace ehall {

namespace {
// Beyond this many quiet customers, those whose quiet time is over are dropped.
constexpr std::size_t kPruneAbove = 100000;

std::string quiet_key(const Manifest& plugin, const std::string& customer) {
    return plugin.id + ":" + customer;
}
}  // namespace

bool PlacementSlot::quiet(const std::string& key, std::int64_t now_ms) {
    std::lock_guard lock(quiet_mutex_);
    auto it = quiet_until_.find(key);
    return it != quiet_until_.end() && now_ms < it->second;
}

void PlacementSlot::keep_quiet(const std::string& key, std::int64_t until_ms) {
    std::lock_guard lock(quiet_mutex_);
    if (quiet_until_.size() >= kPruneAbove) {
        const std::int64_t now = now_ms();
        std::erase_if(quiet_until_, [now](const auto& item) { return item.second <= now; });
    }
    if (quiet_until_.size() < kPruneAbove)
        quiet_until_.insert_or_assign(key, until_ms);
}

void PlacementSlot::fill(const ServiceRequest& where, std::string_view slot, Done done,
                         std::optional<std::size_t> max_sms_units) {
    if (where.customer.empty())
        return done(std::nullopt);
    auto fillers = std::make_shared<Fillers>();
    const std::int64_t now = now_ms();
    for (const auto& filler : dispatcher_.placements(slot, where.channel)) {
        if (filler.plugin->id != where.plugin &&
            !quiet(quiet_key(*filler.plugin, where.customer), now))
            fillers->push_back(filler);
    }
    if (fillers->empty())
        return done(std::nullopt);  // nothing to ask, and nothing to journal
    auto request = std::make_shared<ServiceRequest>(where);
    request->params = {{"placement", slot}};
    if (max_sms_units)
        request->params["max_sms_units"] = *max_sms_units;
    request->idempotency_key.clear();
    request->offer_id.clear();
    request->request_id = where.request_id + ":placement";
    ask(std::move(fillers), 0, std::move(request), std::move(done));
}

void PlacementSlot::ask(std::shared_ptr<const Fillers> fillers, std::size_t next,
                        std::shared_ptr<const ServiceRequest> ask_template, Done done) {
    if (next == fillers->size())
        return done(std::nullopt);
    const Dispatcher::SlotFiller& filler = (*fillers)[next];
    ServiceRequest request = *ask_template;
    request.plugin = filler.plugin->id;
    request.operation = filler.placement->operation;
    request.received_at = std::chrono::system_clock::now();
    dispatcher_.dispatch_internal(
        std::move(request),
        [this, fillers, next, ask_template, done = std::move(done),
         key = quiet_key(*filler.plugin, ask_template->customer)](ServiceResult result) mutable {
            if (result.is_ok() && result.data.contains("content"))
                return done(result.data["content"]);
            const auto until = result.data.find("quiet_until_ms");
            if (until != result.data.end() && until->is_number_integer())
                keep_quiet(key, until->get<std::int64_t>());
            ask(std::move(fillers), next + 1, std::move(ask_template), std::move(done));
        });
}

}  // namespace ehall
