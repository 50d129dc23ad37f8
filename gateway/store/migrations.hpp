// Numbered schema migrations per component ("core", each plugin), recorded in the
// table schema_migrations so that each runs once per database.
#pragma once

#include <string_view>
#include <vector>

#include <ehall/plugin.hpp>
#include <ehall/store.hpp>

namespace ehall {

// Applies, in order, the migrations of `component` not applied yet, each in its own write
// transaction together with its schema_migrations row. `migrations` must be in strictly
// increasing version order (std::runtime_error otherwise, before anything is applied);
// a failing migration throws StoreError naming component and version.
void apply_migrations(Store& store, std::string_view component,
                      const std::vector<Migration>& migrations);

}  // namespace ehall
