#pragma once

#include <ehall/plugin.hpp>

namespace ehall::family {

Manifest family_manifest();

}  // namespace ehall::family
