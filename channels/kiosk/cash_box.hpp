// What a kiosk terminal's cash box should hold, for ops to reconcile with the count the
// terminal reports in its heartbeats (`cash_box_fen`) and with what they count when they
// empty it (docs/kiosk-cash.md): the notes its acceptor took and the cash payments it
// reported whole, since the last collection.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include <ehall/store.hpp>

namespace ehall {

struct CashBoxFigures {
    std::int64_t expected_fen = 0;
    std::optional<std::int64_t> reported_fen;  // the last heartbeat's count, when it had one
    std::int64_t collected_ms = 0;             // the last collection, 0: never

    // Reported minus expected: above zero, more cash than the payments say; nothing
    // without a report.
    std::optional<std::int64_t> difference_fen() const;
    // {"expected_fen", "reported_fen", "difference_fen" (null without a report),
    //  "collected_at" ("" when never)}
    nlohmann::json to_json() const;
};

std::int64_t expected_cash_fen(Transaction& tx, const std::string& terminal_id);

// `device` is the terminal's last reported device status (device_status.hpp).
CashBoxFigures cash_box_figures(Transaction& tx, const std::string& terminal_id,
                                const nlohmann::json& device);

}  // namespace ehall
