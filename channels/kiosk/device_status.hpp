// The device status a kiosk reports with each heartbeat:
// {"printer_paper": "ok|low|out", "cash_box": "ok|full|error", "version": "<software version>"}.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace ehall {

// A message naming the first bad or unknown field, or nothing when `status` is valid.
std::optional<std::string> device_status_problem(const nlohmann::json& status);

}  // namespace ehall
