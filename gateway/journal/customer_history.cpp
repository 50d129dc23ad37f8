#include "gateway/journal/customer_history.hpp"

#include <algorithm>
#include <tuple>

#include "gateway/journal/journal.hpp"
#include "gateway/journal/journal_summary.hpp"
#include "gateway/store/sqlite_connection.hpp"

namespace ehall {

namespace {

// The customer's entries in the summary file up to its mark, and the journal's rows after the
// mark (at most the few seconds since the last pass) read directly.
constexpr const char* kNewest =
    "SELECT ts_ms, channel, plugin, operation, outcome, code, amount_fen, request_id FROM ("
    "SELECT i.* FROM (SELECT id FROM summary.customer_interactions WHERE msisdn = ?1 "
    "ORDER BY ts_ms DESC, id DESC LIMIT ?2) c JOIN interactions i ON i.id = c.id "
    "UNION ALL SELECT * FROM interactions WHERE id > ?3 AND msisdn = ?1) "
    "ORDER BY ts_ms DESC, id DESC LIMIT ?2";

std::vector<InteractionLine> written_interactions(const std::filesystem::path& journal_db,
                                                  const std::string& msisdn, int limit) {
    SqliteConnection journal(journal_db, std::chrono::milliseconds(2000), false);
    journal.set_read_only(true);
    journal.query("ATTACH DATABASE ? AS summary", {journal_summary_path(journal_db).string()});
    // The mark is read first, so the journal's rows are read from a later snapshot, which has
    // every row the mark covers.
    journal.execute("BEGIN");
    const std::int64_t merged_to =
        journal.query("SELECT merged_to FROM summary.summary_state").at(0).integer("merged_to");
    std::vector<InteractionLine> lines;
    for (const Row& row : journal.query(kNewest, {msisdn, std::int64_t{limit}, merged_to})) {
        InteractionLine line{.ts_ms = row.integer("ts_ms"),
                             .channel = row.text("channel"),
                             .plugin = row.text("plugin"),
                             .operation = row.text("operation"),
                             .outcome = row.text("outcome"),
                             .code = row.text("code"),
                             .amount_fen = {},
                             .request_id = row.text("request_id")};
        if (!row.is_null("amount_fen"))
            line.amount_fen = row.integer("amount_fen");
        lines.push_back(std::move(line));
    }
    journal.execute("COMMIT");
    return lines;
}

InteractionLine line_of(const InteractionRecord& record) {
    return {.ts_ms = record.ts_ms,
            .channel = record.channel,
            .plugin = record.plugin,
            .operation = record.operation,
            .outcome = record.outcome,
            .code = record.code,
            .amount_fen = record.amount_fen,
            .request_id = record.request_id};
}

auto identity(const InteractionLine& line) {
    return std::tie(line.ts_ms, line.request_id, line.channel, line.plugin, line.operation,
                    line.outcome, line.code, line.amount_fen);
}

}  // namespace

std::vector<InteractionLine> recent_interactions(const Journal& journal, const std::string& msisdn,
                                                 int limit) {
    // Queued first, the file second: a record leaves the queue only once it is in the file,
    // so none is missed; one written in between is in both and shown once.
    auto queued = journal.pending_for(msisdn, static_cast<std::size_t>(limit));
    auto lines = written_interactions(journal.path(), msisdn, limit);
    // Newest last in the queue: prepended in reverse, they come out newest first.
    std::vector<InteractionLine> fresh;
    for (auto it = queued.rbegin(); it != queued.rend(); ++it) {
        InteractionLine line = line_of(*it);
        auto same = [&](const InteractionLine& w) { return identity(w) == identity(line); };
        if (std::none_of(lines.begin(), lines.end(), same))
            fresh.push_back(std::move(line));
    }
    lines.insert(lines.begin(), std::make_move_iterator(fresh.begin()),
                 std::make_move_iterator(fresh.end()));
    // Queued records are the newest appended, but an imported or clock-skewed row may be later.
    std::stable_sort(lines.begin(), lines.end(),
                     [](const auto& a, const auto& b) { return a.ts_ms > b.ts_ms; });
    if (lines.size() > static_cast<std::size_t>(limit))
        lines.resize(static_cast<std::size_t>(limit));
    return lines;
}

}  // namespace ehall
