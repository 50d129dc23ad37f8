// The 12593 long-distance IP dialling discount (12593长途优惠), the LD12593 offer's product:
// one subscription per number, committed before the reply, idempotent (subscribing again
// answers ok with `already_subscribed`).
#pragma once

#include <ehall/plugin.hpp>

namespace ehall::offers {

ServiceResult subscribe_ld(Transaction& tx, const ServiceRequest& request, std::int64_t now_ms);
ServiceResult ld_status(Store& store, const ServiceRequest& request);

}  // namespace ehall::offers
