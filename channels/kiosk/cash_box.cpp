#include "channels/kiosk/cash_box.hpp"

#include <ehall/clock.hpp>

namespace ehall {

namespace {

// When ops last emptied the box, 0 when never.
std::int64_t last_collection_ms(Transaction& tx, const std::string& terminal_id) {
    auto rows = tx.query(
        "SELECT ts_ms FROM kiosk_cash_collections WHERE terminal_id = ? ORDER BY id DESC LIMIT 1",
        {terminal_id});
    return rows.empty() ? 0 : rows.front().integer("ts_ms");
}

// Cash goes into the box when a note is accepted, whatever becomes of its intake (an intake
// paid after a collection holds notes counted before it), or, reported whole, when it is
// paid.
std::int64_t cash_since(Transaction& tx, const std::string& terminal_id, std::int64_t since_ms) {
    return tx
        .query(
            "SELECT (SELECT coalesce(sum(amount_fen), 0) FROM kiosk_cash_notes "
            "        WHERE terminal_id = ? AND code = 'ok' AND ts_ms > ?) + "
            "       (SELECT coalesce(sum(amount_fen), 0) FROM kiosk_cash "
            "        WHERE terminal_id = ? AND by_notes = 0 AND state = 'paid' "
            "        AND paid_ms > ?) AS fen",
            {terminal_id, since_ms, terminal_id, since_ms})
        .front()
        .integer("fen");
}

}  // namespace

std::optional<std::int64_t> CashBoxFigures::difference_fen() const {
    if (!reported_fen)
        return std::nullopt;
    return *reported_fen - expected_fen;
}

nlohmann::json CashBoxFigures::to_json() const {
    auto difference = difference_fen();
    return {{"expected_fen", expected_fen},
            {"reported_fen", reported_fen ? nlohmann::json(*reported_fen) : nullptr},
            {"difference_fen", difference ? nlohmann::json(*difference) : nullptr},
            {"collected_at", collected_ms > 0 ? shanghai_datetime(collected_ms) : ""}};
}

std::int64_t expected_cash_fen(Transaction& tx, const std::string& terminal_id) {
    return cash_since(tx, terminal_id, last_collection_ms(tx, terminal_id));
}

CashBoxFigures cash_box_figures(Transaction& tx, const std::string& terminal_id,
                                const nlohmann::json& device) {
    CashBoxFigures figures;
    figures.collected_ms = last_collection_ms(tx, terminal_id);
    figures.expected_fen = cash_since(tx, terminal_id, figures.collected_ms);
    auto reported =
        device.is_object() ? device.value("cash_box_fen", nlohmann::json()) : nlohmann::json();
    if (reported.is_number_integer())
        figures.reported_fen = reported.get<std::int64_t>();
    return figures;
}

}  // namespace ehall
