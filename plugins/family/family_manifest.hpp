#pragma once

#include "gateway/plugin_api.hpp"

namespace ehall::family {

Manifest family_manifest();

}  // namespace ehall::family
