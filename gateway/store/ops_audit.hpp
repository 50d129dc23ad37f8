// The ops audit trail: who changed what, when, and the state before and after.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include <ehall/store.hpp>

namespace ehall {

// Records inside the caller's transaction, so the change and its audit commit together.
void record_audit(Transaction& tx, const std::string& actor, const std::string& action,
                  const std::string& target, const std::string& before_json,
                  const std::string& after_json);

// Newest first. Empty filters match everything.
nlohmann::json list_audit(Store& store, std::size_t limit, const std::string& actor,
                          const std::string& target);

}  // namespace ehall
