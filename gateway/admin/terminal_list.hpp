// The kiosk terminals as ops see them (GET /admin/v1/terminals, `ehall terminals list`, the
// ops console): never the keys. Each: id, hall, location, status, last_seen (Asia/Shanghai,
// "" when never), stale (no heartbeat for 5 minutes), device (the last reported status) and
// cash (cash_box.hpp: expected, reported and their difference).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>

#include <ehall/store.hpp>

namespace ehall {

nlohmann::json list_terminals(Store& store, std::int64_t now_ms);

}  // namespace ehall
