// The demo data of DESIGN §3, loaded into the core tables on the first start in demo mode.
#pragma once

#include <cstdint>

#include <ehall/store.hpp>

namespace ehall {

// Loads the demo customers, bills, vouchers, kiosk, rewards and segments in one write
// transaction, only when the customers table is empty; `now_ms` dates the bills ("last
// month" is the Asia/Shanghai month before the one containing now_ms). Plugins add their own
// demo data when started in demo mode.
// Returns true when it loaded data. Needs core_migrations() applied first.
bool load_demo_data(Store& store, std::int64_t now_ms);

}  // namespace ehall
