// The customer's side of offers: `list` (YH) the offers that target the customer and are not
// already held, each journaled as a `view`; `view` one offer's detail; `accept` (BL <offer>)
// runs the offer's target operation with its fixed parameters through the gateway's normal
// dispatch (so the target's own rules apply, e.g. insufficient_balance, and its journal
// record carries the offer id); `dismiss` stops further pushes of that offer.
#pragma once

#include <ehall/plugin.hpp>

namespace ehall::offers {

void list_offers(PluginContext& context, const ServiceRequest& request, Plugin::Done done);
ServiceResult view_offer(Store& store, const ServiceRequest& request);
void accept_offer(PluginContext& context, const ServiceRequest& request, Plugin::Done done);
ServiceResult dismiss_offer(Store& store, const ServiceRequest& request);

}  // namespace ehall::offers
