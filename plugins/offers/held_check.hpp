// Whether a customer already holds an offer's product, asked of the plugin that owns it
// through the gateway's dispatch (offers never read another plugin's tables): the offer's
// `held_check` "family.show:packages" runs family.show as the customer and looks at the
// result's `packages` (a non-empty list, true, a non-zero number or a non-empty text means
// held). A failed check counts as held: an offer is not pushed when its target plugin
// cannot answer (disabled on the channel, down).
#pragma once

#include <functional>

#include <ehall/plugin.hpp>
#include "offer_catalog.hpp"

namespace ehall::offers {

void check_held(PluginContext& context, const ServiceRequest& request, const Offer& offer,
                std::function<void(bool held)> done);

}  // namespace ehall::offers
