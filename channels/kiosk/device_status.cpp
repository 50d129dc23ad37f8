#include "channels/kiosk/device_status.hpp"

#include <algorithm>

#include "gateway/http/json_body.hpp"

namespace ehall {

namespace {

constexpr std::int64_t max_cash_box_fen = 1000000000;  // ten million yuan

bool one_of(const nlohmann::json& value, std::initializer_list<const char*> choices) {
    return value.is_string() &&
           std::any_of(choices.begin(), choices.end(),
                       [&](const char* choice) { return value.get<std::string>() == choice; });
}

}  // namespace

std::optional<std::string> device_status_problem(const nlohmann::json& status) {
    if (!status.is_object())
        return "the body must be a JSON object";
    for (const auto& [key, value] : status.items()) {
        if (key != "printer_paper" && key != "cash_box" && key != "version" &&
            key != "cash_box_fen")
            return "unknown field " + key;
    }
    if (!one_of(json_field(status, "printer_paper"), {"ok", "low", "out"}))
        return "printer_paper must be ok, low or out";
    if (!one_of(json_field(status, "cash_box"), {"ok", "full", "error"}))
        return "cash_box must be ok, full or error";
    const auto& version = json_field(status, "version");
    if (!version.is_string() || version.get<std::string>().empty() ||
        version.get<std::string>().size() > 64) {
        return "version must be a string of 1-64 characters";
    }
    if (status.contains("cash_box_fen")) {
        const auto& count = status["cash_box_fen"];
        if (!count.is_number_integer() || count.get<std::int64_t>() < 0 ||
            count.get<std::int64_t>() > max_cash_box_fen) {
            return "cash_box_fen must be a whole number of fen from 0 to 1000000000";
        }
    }
    return std::nullopt;
}

}  // namespace ehall
