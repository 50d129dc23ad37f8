#pragma once

#include "gateway/plugin_api.hpp"

namespace ehall::billing {

Manifest billing_manifest();

}  // namespace ehall::billing
