#pragma once

#include "gateway/plugin_api.hpp"

namespace ehall::points {

Manifest points_manifest();

}  // namespace ehall::points
