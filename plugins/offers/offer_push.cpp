#include "offer_push.hpp"

#include <memory>

#include <ehall/clock.hpp>

#include "contact_policy.hpp"
#include "control_group.hpp"
#include "held_check.hpp"
#include "offer_catalog.hpp"

namespace ehall::offers {

namespace {

std::size_t utf16_units(const std::string& utf8) {
    std::size_t units = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto byte = static_cast<unsigned char>(utf8[i]);
        if ((byte & 0xC0) != 0x80)
            units += byte >= 0xF0 ? 2 : 1;  // four-byte sequences need a surrogate pair
    }
    return units;
}

// Walks the candidates one held-check at a time; owns itself through the callbacks.
class PushSearch : public std::enable_shared_from_this<PushSearch> {
  public:
    PushSearch(PluginContext& context, ServiceRequest request, std::vector<Offer> candidates,
               Contact contact, Plugin::Done done)
        : context_(context),
          request_(std::move(request)),
          candidates_(std::move(candidates)),
          contact_(std::move(contact)),
          done_(std::move(done)) {}

    void next() {
        if (index_ == candidates_.size())
            return done_(ServiceResult::error("not_found", "no offer to show"));
        const Offer& offer = candidates_[index_];
        check_held(context_, request_, offer, [self = shared_from_this()](bool held) {
            try {
                self->decide(held);
            } catch (const std::exception& e) {
                self->done_(ServiceResult::error("internal_error", e.what()));
            }
        });
    }

  private:
    void decide(bool held) {
        const Offer& offer = candidates_[index_++];
        Contact contact = contact_;
        contact.offer_id = offer.id;
        if (held)
            return next();
        if (in_control_group(offer.id, contact.msisdn, offer.control_percent)) {
            record_control(context_.store(), contact);
            return next();
        }
        if (!record_push(context_.store(), contact))
            return done_(ServiceResult::error("not_found", "contact limit reached"));
        auto result =
            ServiceResult::ok({{"content", offer.public_json()}, {"placement", contact.placement}});
        result.offer_id = offer.id;
        done_(std::move(result));
    }

    PluginContext& context_;
    ServiceRequest request_;
    std::vector<Offer> candidates_;
    Contact contact_;
    Plugin::Done done_;
    std::size_t index_ = 0;
};

}  // namespace

void push_offer(PluginContext& context, const ServiceRequest& request, Plugin::Done done) {
    Contact contact{.msisdn = request.customer,
                    .offer_id = {},
                    .channel = request.channel,
                    .placement = request.params.value("placement", ""),
                    .session_id = request.session_id,
                    .month = request_month(request),
                    .ts_ms = request_ms(request)};
    const auto room = request.params.value("max_sms_units", std::int64_t{-1});
    std::vector<Offer> candidates;
    Reach reach = Reach::yes;
    context.store().read([&](Transaction& tx) {
        reach = customer_reach(tx, contact);
        if (reach != Reach::yes)
            return;
        for (auto& offer : offers_for(tx, contact.msisdn, request_day(request))) {
            Contact about = contact;
            about.offer_id = offer.id;
            if (!offer_allowed(tx, about))
                continue;
            if (room >= 0 && utf16_units(offer.sms_text) > static_cast<std::size_t>(room))
                continue;
            candidates.push_back(std::move(offer));
        }
    });
    if (reach == Reach::month_full) {
        // Nothing for this customer until the month ends, whatever happens meanwhile: the
        // slot may skip asking until then (offer_slot.hpp).
        auto full = ServiceResult::error("not_found", "contact limit reached");
        full.data = {{"quiet_until_ms", shanghai_month_start_ms(next_month(contact.month))}};
        return done(std::move(full));
    }
    if (reach != Reach::yes)
        return done(ServiceResult::error("not_found", "not to be contacted now"));
    std::make_shared<PushSearch>(context, request, std::move(candidates), std::move(contact),
                                 std::move(done))
        ->next();
}

}  // namespace ehall::offers
