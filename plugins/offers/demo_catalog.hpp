// The demo catalog (DESIGN §3), added in demo mode to the offers the catalog lacks.
#pragma once

#include <cstdint>

#include <ehall/store.hpp>

namespace ehall::offers {

// Returns how many offers it added (none once they are there: ops' changes are kept).
int add_demo_catalog(Store& store, std::int64_t now_ms);

}  // namespace ehall::offers
