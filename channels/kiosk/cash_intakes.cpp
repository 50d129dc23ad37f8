#include "channels/kiosk/cash_intakes.hpp"

#include <algorithm>
#include <array>
#include <cassert>

#include <ehall/clock.hpp>
#include "gateway/base/random_token.hpp"

namespace ehall {

namespace {

constexpr std::string_view intake_query =
    "SELECT kiosk_txn, msisdn, amount_fen, state, day, updated_ms FROM kiosk_cash "
    "WHERE terminal_id = ? AND by_notes = 1 ";

CashIntake intake_of(const Row& row) {
    return {row.text("kiosk_txn"), row.text("msisdn"), row.integer("amount_fen"),
            row.text("state"),     row.text("day"),    row.integer("updated_ms")};
}

// The terminal's intake not yet paid; the schema allows one.
std::optional<CashIntake> unpaid_intake(Transaction& tx, const std::string& terminal_id) {
    auto rows = tx.query(std::string(intake_query) + "AND state <> 'paid'", {terminal_id});
    assert(rows.size() <= 1);
    if (rows.empty())
        return std::nullopt;
    return intake_of(rows.front());
}

ServiceResult accepted(const std::string& note_id, const CashIntake& intake) {
    return ServiceResult::ok({{"accepted", true},
                              {"note_id", note_id},
                              {"intake_id", intake.id},
                              {"total_fen", intake.total_fen}});
}

// The verdict given when `note_id` was first reported, with its intake as it is now.
std::optional<CashIntakes::NoteVerdict> first_verdict(Transaction& tx,
                                                      const std::string& terminal_id,
                                                      const std::string& note_id,
                                                      std::int64_t amount_fen) {
    auto rows = tx.query(
        "SELECT amount_fen, kiosk_txn, code, message FROM kiosk_cash_notes "
        "WHERE terminal_id = ? AND note_id = ?",
        {terminal_id, note_id});
    if (rows.empty())
        return std::nullopt;
    const Row& note = rows.front();
    if (note.integer("amount_fen") != amount_fen) {
        return CashIntakes::NoteVerdict{
            ServiceResult::error("bad_request",
                                 "note_id " + note_id + " was reported with another amount"),
            ""};
    }
    if (note.text("code") != "ok")
        return CashIntakes::NoteVerdict{
            ServiceResult::error(note.text("code"), note.text("message")), ""};
    auto intake = tx.query(std::string(intake_query) + "AND kiosk_txn = ?",
                           {terminal_id, note.text("kiosk_txn")});
    CashIntakes::NoteVerdict verdict{accepted(note_id, intake_of(intake.front())),
                                     intake.front().text("msisdn")};
    verdict.result.data["replayed"] = true;
    return verdict;
}

}  // namespace

bool is_note_value(std::int64_t fen) {
    static constexpr std::array<std::int64_t, 6> notes = {100, 500, 1000, 2000, 5000, 10000};
    return std::find(notes.begin(), notes.end(), fen) != notes.end();
}

CashIntakes::Opened CashIntakes::open(const std::string& terminal_id, const std::string& msisdn,
                                      std::int64_t now_ms) {
    Opened opened;
    store_.write([&](Transaction& tx) {
        if (auto unpaid = unpaid_intake(tx, terminal_id)) {
            if (unpaid->total_fen > 0 || unpaid->state != "open") {
                opened = {std::move(*unpaid), true};
                return;
            }
            // Nobody put cash in: the customer left, or changed the number.
            tx.execute("DELETE FROM kiosk_cash WHERE terminal_id = ? AND kiosk_txn = ?",
                       {terminal_id, unpaid->id});
        }
        opened.intake = {random_hex(8), msisdn, 0, "open", shanghai_date(now_ms), now_ms};
        tx.execute(
            "INSERT INTO kiosk_cash (terminal_id, kiosk_txn, msisdn, amount_fen, day, state, "
            "by_notes, opened_ms, updated_ms) VALUES (?, ?, ?, 0, ?, 'open', 1, ?, ?)",
            {terminal_id, opened.intake.id, msisdn, opened.intake.day, now_ms, now_ms});
    });
    return opened;
}

std::optional<CashIntake> CashIntakes::find(const std::string& terminal_id, const std::string& id) {
    std::optional<CashIntake> found;
    store_.read([&](Transaction& tx) {
        auto rows = tx.query(std::string(intake_query) + "AND kiosk_txn = ?", {terminal_id, id});
        if (!rows.empty())
            found = intake_of(rows.front());
    });
    return found;
}

std::optional<CashIntake> CashIntakes::close(const std::string& terminal_id,
                                             const std::string& id) {
    std::optional<CashIntake> closed;
    store_.write([&](Transaction& tx) {
        tx.execute(
            "UPDATE kiosk_cash SET state = 'paying' WHERE terminal_id = ? AND kiosk_txn = ? "
            "AND by_notes = 1 AND state = 'open' AND amount_fen > 0",
            {terminal_id, id});
        auto rows = tx.query(std::string(intake_query) + "AND kiosk_txn = ?", {terminal_id, id});
        if (!rows.empty())
            closed = intake_of(rows.front());
    });
    return closed;
}

CashIntakes::NoteVerdict CashIntakes::report_note(const std::string& terminal_id,
                                                  const std::string& note_id,
                                                  std::int64_t amount_fen, std::int64_t now_ms) {
    NoteVerdict verdict;
    store_.write([&](Transaction& tx) {
        if (auto first = first_verdict(tx, terminal_id, note_id, amount_fen)) {
            verdict = std::move(*first);
            return;
        }
        auto intake = unpaid_intake(tx, terminal_id);
        if (intake)
            verdict.msisdn = intake->msisdn;
        if (!intake || intake->state != "open") {
            verdict.result = ServiceResult::error(
                "not_found", intake ? "the cash intake is being paid: give the note back"
                                    : "no open cash intake at this terminal: give the note back");
        } else if (auto over = caps_.refusal(tx, terminal_id, intake->day,
                                             intake->total_fen + amount_fen, amount_fen)) {
            verdict.result = std::move(*over);
        } else {
            intake->total_fen += amount_fen;
            intake->updated_ms = now_ms;
            tx.execute(
                "UPDATE kiosk_cash SET amount_fen = ?, updated_ms = ? "
                "WHERE terminal_id = ? AND kiosk_txn = ?",
                {intake->total_fen, now_ms, terminal_id, intake->id});
            verdict.result = accepted(note_id, *intake);
        }
        const SqlValue credited = verdict.result.is_ok() ? SqlValue{intake->id} : SqlValue{nullptr};
        tx.execute(
            "INSERT INTO kiosk_cash_notes (terminal_id, note_id, amount_fen, kiosk_txn, code, "
            "message, ts_ms) VALUES (?, ?, ?, ?, ?, ?, ?)",
            {terminal_id, note_id, amount_fen, credited, verdict.result.code,
             verdict.result.message, now_ms});
    });
    return verdict;
}

}  // namespace ehall
