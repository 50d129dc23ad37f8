// What the recommended-offers plugin offers every channel, and its tables.
#pragma once

#include <ehall/plugin.hpp>

namespace ehall::offers {

Manifest offers_manifest();

}  // namespace ehall::offers
