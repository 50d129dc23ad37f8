// `offers.impression`: a placement (web login or home banner, kiosk identification, SMS reply
// footer) asks which offer to show. The answer is the highest-priority offer that targets
// the customer, passes the contact policy, is not already held and, for an SMS footer, fits
// the room left (`max_sms_units` UTF-16 units); it is recorded as a contact and journaled
// with its offer id. A customer in an offer's control group is never shown that offer: the
// time is recorded ("would have been pushed") and the next offer is considered. Nothing to
// show answers `not_found`.
#pragma once

#include <ehall/plugin.hpp>

namespace ehall::offers {

void push_offer(PluginContext& context, const ServiceRequest& request, Plugin::Done done);

}  // namespace ehall::offers
