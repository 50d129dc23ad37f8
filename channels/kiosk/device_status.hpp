// The device status a kiosk reports with each heartbeat:
// {"printer_paper": "ok|low|out", "cash_box": "ok|full|error", "version": "<software version>"}
// and, from a terminal with a cash acceptor, "cash_box_fen": the cash its box holds by its own
// count (integer fen), which ops reconcile with the cash it took (docs/kiosk-cash.md).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace ehall {

// A message naming the first bad or unknown field, or nothing when `status` is valid.
std::optional<std::string> device_status_problem(const nlohmann::json& status);

}  // namespace ehall
