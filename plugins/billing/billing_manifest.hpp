#pragma once

#include <ehall/plugin.hpp>

namespace ehall::billing {

Manifest billing_manifest();

}  // namespace ehall::billing
