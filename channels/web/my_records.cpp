#include "channels/web/my_records.hpp"

#include "gateway/store/sqlite_connection.hpp"

namespace ehall {

std::vector<InteractionLine> recent_interactions(const std::filesystem::path& journal_db,
                                                 const std::string& msisdn, int limit) {
    SqliteConnection journal(journal_db, std::chrono::milliseconds(2000), false);
    journal.set_read_only(true);
    std::vector<InteractionLine> lines;
    for (const Row& row :
         journal.query("SELECT ts_ms, channel, plugin, operation, outcome, code, amount_fen "
                       "FROM interactions WHERE msisdn = ? ORDER BY ts_ms DESC, id DESC LIMIT ?",
                       {msisdn, std::int64_t{limit}})) {
        InteractionLine line{.ts_ms = row.integer("ts_ms"),
                             .channel = row.text("channel"),
                             .plugin = row.text("plugin"),
                             .operation = row.text("operation"),
                             .outcome = row.text("outcome"),
                             .code = row.text("code"),
                             .amount_fen = {}};
        if (!row.is_null("amount_fen"))
            line.amount_fen = row.integer("amount_fen");
        lines.push_back(std::move(line));
    }
    return lines;
}

}  // namespace ehall
