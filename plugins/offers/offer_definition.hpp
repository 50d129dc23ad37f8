// An offer in the catalog (the plugin's table `offers`) as ops define it, in JSON:
//   {"id": "FAMILY3", "title", "sms_text", "web_text", "segment_tags": [...], "brands": [...],
//    "starts_on": "2026-01-01", "ends_on": "2026-12-31", "priority": 10,
//    "target": {"plugin": "family", "operation": "open", "params": {}},
//    "held_check": "family.show:packages", "control_percent": 10, "status": "active"}
// Used by the admin operations (catalog_admin.hpp) and to load the demo catalog.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include <ehall/store.hpp>

namespace ehall::offers {

// The problem with `offer` (naming the key), or nothing when it is a valid definition.
// Missing optional keys get their defaults written into `offer`.
std::optional<std::string> validate_offer(nlohmann::json& offer);

// The stored definition, or nothing.
std::optional<nlohmann::json> stored_offer(Transaction& tx, const std::string& id);
nlohmann::json stored_offers(Transaction& tx);

// Inserts or replaces a validated definition.
void save_offer(Transaction& tx, const nlohmann::json& offer, std::int64_t now_ms);

// Adds the offers of `document` ({"offers": [...]}) that the catalog does not hold yet (ops'
// later changes are kept); throws std::runtime_error naming the offer when one is invalid.
// Returns how many it added.
int add_missing_offers(Store& store, const nlohmann::json& document, std::int64_t now_ms);

}  // namespace ehall::offers
