// One SQLite connection and its cache of prepared statements. It is the Transaction that
// SqliteStore hands to `work`; the store pools connections and owns BEGIN and COMMIT.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <ehall/store.hpp>

struct sqlite3;
struct sqlite3_stmt;

namespace ehall {

class SqliteConnection final : public Transaction {
  public:
    // Throws StoreError. `set_wal`: switch the file to WAL (persistent, so once is enough).
    SqliteConnection(const std::filesystem::path& path, std::chrono::milliseconds busy_timeout,
                     bool set_wal);

    Rows query(std::string_view sql, const SqlParams& params = {}) override;
    // Without parameters, runs every statement of a multi-statement script.
    std::int64_t execute(std::string_view sql, const SqlParams& params = {}) override;
    std::int64_t last_insert_id() override;

    // While set, statements that would write are refused.
    void set_read_only(bool read_only) { read_only_ = read_only; }
    // Rolls back the open transaction, if any.
    void rollback_quietly() noexcept;

  private:
    struct CloseDb {
        void operator()(sqlite3* db) const noexcept;
    };
    struct Finalize {
        void operator()(sqlite3_stmt* stmt) const noexcept;
    };
    using StatementPtr = std::unique_ptr<sqlite3_stmt, Finalize>;
    using Names = std::shared_ptr<const std::vector<std::string>>;
    struct Cached {
        StatementPtr stmt;
        Names names;  // shared by every Row the statement returns
    };
    struct SqlHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view sql) const noexcept {
            return std::hash<std::string_view>{}(sql);
        }
    };

    Cached* cached(std::string_view sql);  // nullptr: `sql` holds several statements
    const Names& names_of(Cached& cached);
    void bind(sqlite3_stmt* stmt, const SqlParams& params, std::string_view sql);
    std::int64_t step_all(sqlite3_stmt* stmt, std::string_view sql);
    std::int64_t run_script(std::string_view sql);
    [[noreturn]] void fail(int rc, std::string_view sql) const;

    std::unique_ptr<sqlite3, CloseDb> db_;
    std::unordered_map<std::string, Cached, SqlHash, std::equal_to<>> cache_;
    bool read_only_ = false;
};

}  // namespace ehall
