#include "offer_responses.hpp"

#include <atomic>
#include <cctype>
#include <memory>

#include "held_check.hpp"
#include "offer_catalog.hpp"

namespace ehall::offers {

namespace {

// Offer ids are upper case; customers may type them any way.
std::string offer_param(const ServiceRequest& request) {
    std::string id = request.params.value("offer", "");
    for (char& c : id)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return id;
}

std::optional<Offer> targeted_offer(Store& store, const ServiceRequest& request) {
    std::optional<Offer> offer;
    store.read([&](Transaction& tx) {
        offer = offer_for(tx, request.customer, request_day(request), offer_param(request));
    });
    return offer;
}

ServiceResult no_such_offer(const ServiceRequest& request) {
    return ServiceResult::error("not_found", "no offer " + offer_param(request) + " for you");
}

// A request from the same customer and place for another operation.
ServiceRequest follow_up(const ServiceRequest& request, std::string plugin, std::string operation,
                         nlohmann::json params, std::string suffix) {
    ServiceRequest next = request;
    next.plugin = std::move(plugin);
    next.operation = std::move(operation);
    next.params = std::move(params);
    next.request_id = request.request_id + suffix;
    return next;
}

// Collects the held checks of all candidates, then journals a view of each shown offer.
struct ListGathering {
    std::vector<Offer> candidates;
    std::vector<char> held;
    std::atomic<std::size_t> pending{0};
};

void finish_list(PluginContext& context, const ServiceRequest& request,
                 const std::shared_ptr<ListGathering>& gathering, Plugin::Done done) {
    nlohmann::json shown = nlohmann::json::array();
    for (std::size_t i = 0; i < gathering->candidates.size(); ++i) {
        if (gathering->held[i])
            continue;
        const Offer& offer = gathering->candidates[i];
        shown.push_back(offer.public_json());
        context.invoke_operation(
            follow_up(request, "offers", "view", {{"offer", offer.id}}, ":view:" + offer.id),
            [](ServiceResult) {});
    }
    done(ServiceResult::ok({{"offers", shown}, {"count", shown.size()}}));
}

}  // namespace

void list_offers(PluginContext& context, const ServiceRequest& request, Plugin::Done done) {
    auto gathering = std::make_shared<ListGathering>();
    context.store().read([&](Transaction& tx) {
        gathering->candidates = offers_for(tx, request.customer, request_day(request));
    });
    const std::size_t count = gathering->candidates.size();
    if (count == 0)
        return finish_list(context, request, gathering, std::move(done));
    gathering->held.assign(count, 1);
    gathering->pending = count;
    auto shared_done = std::make_shared<Plugin::Done>(std::move(done));
    for (std::size_t i = 0; i < count; ++i) {
        check_held(context, request, gathering->candidates[i],
                   [&context, request, gathering, shared_done, i](bool held) {
                       gathering->held[i] = held ? 1 : 0;
                       if (--gathering->pending == 0)
                           finish_list(context, request, gathering, std::move(*shared_done));
                   });
    }
}

ServiceResult view_offer(Store& store, const ServiceRequest& request) {
    auto offer = targeted_offer(store, request);
    if (!offer)
        return no_such_offer(request);
    auto result = ServiceResult::ok({{"offer", offer->public_json()}});
    result.offer_id = offer->id;
    return result;
}

void accept_offer(PluginContext& context, const ServiceRequest& request, Plugin::Done done) {
    auto offer = targeted_offer(context.store(), request);
    if (!offer)
        return done(no_such_offer(request));
    ServiceRequest target = follow_up(request, offer->target_plugin, offer->target_operation,
                                      offer->target_params, ":accept");
    target.offer_id = offer->id;
    context.invoke_operation(
        std::move(target), [offer = *offer, done = std::move(done)](ServiceResult taken) {
            ServiceResult result = taken;
            if (taken.is_ok())
                result.data = {{"offer", offer.public_json()}, {"result", taken.data}};
            result.amount_fen.reset();  // journaled with the target operation's own record
            result.offer_id = offer.id;
            done(std::move(result));
        });
}

ServiceResult dismiss_offer(Store& store, const ServiceRequest& request) {
    const std::string id = offer_param(request);
    bool known = false;
    store.write([&](Transaction& tx) {
        known = offer_exists(tx, id);
        if (known)
            tx.execute(
                "INSERT INTO offer_dismissals (msisdn, offer_id, ts_ms) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                {request.customer, id, request_ms(request)});
    });
    if (!known)
        return no_such_offer(request);
    auto result = ServiceResult::ok({{"offer_id", id}, {"dismissed", true}});
    result.offer_id = id;
    return result;
}

}  // namespace ehall::offers
