// points.redeem: spends points or e-coins on one reward, atomically and at most once per
// idempotency key.
#pragma once

#include <ehall/plugin.hpp>

namespace ehall::points {

ServiceResult redeem(Store& store, const ServiceRequest& request);

}  // namespace ehall::points
