#include "gateway/journal/sqlite_journal_sink.hpp"

#include <sqlite3.h>

#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "gateway/journal/journal_schema.hpp"
#include "gateway/journal/journal_summary.hpp"
#include "gateway/journal/wal_checkpointer.hpp"
#include "gateway/store/sqlite_connection.hpp"

namespace ehall {
namespace {

constexpr int kColumns = 16;
// Rows per INSERT statement, largest first: one statement for many rows saves most of
// SQLite's per-statement work (about a third of the writer's time with one row each). A batch
// is written with as many of the largest as fit, then the next size down for the rest.
constexpr std::array<int, 4> kRowsPerInsert = {1024, 64, 8, 1};
static_assert(kRowsPerInsert[0] * kColumns <= 32766, "SQLite's limit on parameters");

// INSERT INTO interactions (...) VALUES (?, ...), ... with `rows` rows.
std::string insert_sql(int rows) {
    std::string sql =
        "INSERT INTO interactions (ts_ms, channel, subchannel, terminal_id, session_id, "
        "request_id, msisdn, plugin, operation, business, outcome, code, latency_us, amount_fen, "
        "offer_id, source) VALUES ";
    for (int row = 0; row < rows; ++row) {
        sql.append(row == 0 ? "(" : ", (");
        for (int column = 0; column < kColumns; ++column)
            sql.append(column == 0 ? "?" : ", ?");
        sql.append(")");
    }
    return sql;
}

int bind_text(sqlite3_stmt* stmt, int index, const std::string& value) {
    if (value.empty())
        return sqlite3_bind_null(stmt, index);
    return sqlite3_bind_text(stmt, index, value.data(), static_cast<int>(value.size()),
                             SQLITE_STATIC);
}

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
    for (const Row& row : journal.query(kNewest, {msisdn, std::int64_t{limit}, merged_to}))
        lines.push_back(interaction_line_of(row));
    journal.execute("COMMIT");
    return lines;
}

}  // namespace

class SqliteJournalSink::Database {
  public:
    Database(const std::filesystem::path& path, std::mutex* long_reads) {
        if (path.has_parent_path())
            std::filesystem::create_directories(path.parent_path());
        const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
        bool opened = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) == SQLITE_OK &&
                      apply_journal_schema(db_) == SQLITE_OK;
        for (std::size_t i = 0; opened && i < kRowsPerInsert.size(); ++i)
            opened = prepare(insert_sql(kRowsPerInsert[i]), &inserts_[i]);
        if (!opened) {
            const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
            close();
            throw std::runtime_error("journal: cannot open " + path.string() + ": " + message);
        }
        try {
            checkpointer_.emplace(path, WalCheckpointer::Options{.long_reads = long_reads});
            checkpointer_->attach(db_);
        } catch (...) {
            close();
            throw;
        }
    }
    ~Database() { close(); }
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Inserts the batch in one transaction. Returns the error, with everything rolled back.
    std::optional<std::string> insert(const std::vector<const InteractionRecord*>& batch) {
        auto fail = [this] {
            std::string error = sqlite3_errmsg(db_);
            for (sqlite3_stmt* stmt : inserts_)
                sqlite3_reset(stmt);
            if (!sqlite3_get_autocommit(db_))
                sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
            return error;
        };
        checkpointer_->before_transaction();
        if (sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
            return fail();
        std::size_t at = 0;
        for (std::size_t i = 0; i < kRowsPerInsert.size(); ++i) {
            const auto rows = static_cast<std::size_t>(kRowsPerInsert[i]);
            for (; batch.size() - at >= rows; at += rows) {
                if (!insert(inserts_[i], &batch[at], kRowsPerInsert[i]))
                    return fail();
            }
        }
        if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
            return fail();
        return std::nullopt;
    }

  private:
    bool prepare(const std::string& sql, sqlite3_stmt** stmt) {
        return sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                                  SQLITE_PREPARE_PERSISTENT, stmt, nullptr) == SQLITE_OK;
    }

    // Binds `rows` records to `s` (made for that many rows) and runs it.
    static bool insert(sqlite3_stmt* s, const InteractionRecord* const* records, int rows) {
        if (sqlite3_reset(s) != SQLITE_OK)
            return false;
        for (int row = 0; row < rows; ++row) {
            if (!bind(s, row * kColumns, *records[row]))
                return false;
        }
        return sqlite3_step(s) == SQLITE_DONE;
    }

    // Binds one record's columns after the first `i` parameters.
    static bool bind(sqlite3_stmt* s, int i, const InteractionRecord& r) {
        static const std::string kGateway = "gateway";
        // clang-format off
        const int results[] = {
            sqlite3_bind_int64(s, i + 1, r.ts_ms),
            bind_text(s, i + 2, r.channel),          bind_text(s, i + 3, r.subchannel),
            bind_text(s, i + 4, r.terminal_id),      bind_text(s, i + 5, r.session_id),
            bind_text(s, i + 6, r.request_id),       bind_text(s, i + 7, r.msisdn),
            bind_text(s, i + 8, r.plugin),           bind_text(s, i + 9, r.operation),
            bind_text(s, i + 10, r.business),        bind_text(s, i + 11, r.outcome),
            bind_text(s, i + 12, r.code),            sqlite3_bind_int64(s, i + 13, r.latency_us),
            r.amount_fen ? sqlite3_bind_int64(s, i + 14, *r.amount_fen) : sqlite3_bind_null(s, i + 14),
            bind_text(s, i + 15, r.offer_id),
            bind_text(s, i + 16, r.source.empty() ? kGateway : r.source),
        };
        // clang-format on
        for (const int rc : results) {
            if (rc != SQLITE_OK)
                return false;
        }
        return true;
    }

    void close() {
        checkpointer_.reset();  // its last checkpoint, before this connection closes
        for (sqlite3_stmt*& stmt : inserts_)
            sqlite3_finalize(std::exchange(stmt, nullptr));
        sqlite3_close(std::exchange(db_, nullptr));
    }

    sqlite3* db_ = nullptr;
    std::array<sqlite3_stmt*, kRowsPerInsert.size()> inserts_{};  // one per kRowsPerInsert
    std::optional<WalCheckpointer> checkpointer_;
};

SqliteJournalSink::SqliteJournalSink(std::filesystem::path path, std::mutex* long_reads)
    : path_(std::move(path)), db_(std::make_unique<Database>(path_, long_reads)) {}

SqliteJournalSink::~SqliteJournalSink() = default;

std::optional<std::string> SqliteJournalSink::insert(
    const std::vector<const InteractionRecord*>& batch) {
    return db_->insert(batch);
}

std::vector<InteractionLine> SqliteJournalSink::written_for(const std::string& msisdn,
                                                            int limit) const {
    return written_interactions(path_, msisdn, limit);
}

}  // namespace ehall
