#pragma once

#include <ehall/plugin.hpp>

namespace ehall::points {

Manifest points_manifest();

}  // namespace ehall::points
