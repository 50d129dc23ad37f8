#pragma once

#include <ehall/store.hpp>

namespace ehall::points {

// Demo mode only: a 全球通 price for HF30 and a reward only 全球通 customers see. Safe to
// run at every start (rows already there are kept).
void seed_demo_rewards(Store& store);

}  // namespace ehall::points
