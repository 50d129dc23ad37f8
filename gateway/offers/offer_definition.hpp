// An offer in the catalog (core table `offers`) as ops define it, in JSON:
//   {"id": "FAMILY3", "title", "sms_text", "web_text", "segment_tags": [...], "brands": [...],
//    "starts_on": "2026-01-01", "ends_on": "2026-12-31", "priority": 10,
//    "target": {"plugin": "family", "operation": "open", "params": {}},
//    "held_check": "family.show:packages", "control_percent": 10, "status": "active"}
// Used by the admin API (/admin/v1/offers) and to load config/demo/offers.json in demo mode.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include <ehall/store.hpp>

namespace ehall {

// The problem with `offer` (naming the key), or nothing when it is a valid definition.
// Missing optional keys get their defaults written into `offer`.
std::optional<std::string> validate_offer(nlohmann::json& offer);

// The stored definition, or nothing.
std::optional<nlohmann::json> stored_offer(Transaction& tx, const std::string& id);
nlohmann::json stored_offers(Transaction& tx);

// Inserts or replaces a validated definition.
void save_offer(Transaction& tx, const nlohmann::json& offer, std::int64_t now_ms);

// Adds the file's offers that the catalog does not hold yet (ops' later changes are kept);
// throws std::runtime_error naming the offer when the file is invalid. Returns how many.
int load_offer_file(Store& store, const std::filesystem::path& file, std::int64_t now_ms);

// config/demo/offers.json of the repository next to build/ehall, else under the cwd.
std::filesystem::path demo_offers_file();

}  // namespace ehall
