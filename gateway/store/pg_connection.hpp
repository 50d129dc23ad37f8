// One PostgreSQL connection (libpq) and its prepared statements. It is the Transaction that
// PgStore hands to `work`; the store pools connections and owns BEGIN and COMMIT.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <ehall/store.hpp>

struct pg_conn;

namespace ehall {

// A StoreError that carries PostgreSQL's SQLSTATE (class 23: a constraint refused it).
class PgError : public StoreError {
  public:
    PgError(const std::string& what, std::string sqlstate)
        : StoreError(what, sqlstate.starts_with("23")), sqlstate_(std::move(sqlstate)) {}
    const std::string& sqlstate() const noexcept { return sqlstate_; }

  private:
    std::string sqlstate_;
};

class PgConnection final : public Transaction {
  public:
    // Throws StoreError naming `shown_url` (the URL without its password) when the server
    // cannot be reached or refuses.
    PgConnection(const std::string& url, const std::string& shown_url);

    Rows query(std::string_view sql, const SqlParams& params = {}) override;
    // Without parameters, runs every statement of a multi-statement script.
    std::int64_t execute(std::string_view sql, const SqlParams& params = {}) override;
    std::int64_t last_insert_id() override;

    // Sends `sql` as it is, in one round trip (several statements allowed, no parameters).
    void run_raw(const char* sql);
    // Runs `copy_sql`, a COPY ... FROM STDIN in text format, with `rows` (tab-separated
    // fields, one row per line) as its data; throws PgError when the server refuses any row.
    void copy_in(const char* copy_sql, std::string_view rows);
    // The same in steps, for data that does not fit in memory: nothing else runs on the
    // connection between copy_start and copy_end. copy_end with a reason abandons the COPY
    // (and so fails the transaction) without throwing.
    void copy_start(const char* copy_sql);
    void copy_send(std::string_view rows);
    void copy_end(const char* abandon_because = nullptr);
    // Rolls back the open transaction, if any.
    void rollback_quietly() noexcept;
    // For PgRowStream, which reads results as they arrive.
    pg_conn* native() const noexcept { return connection_.get(); }
    // The server connection is gone: the pool drops this one.
    bool broken() const noexcept;

  private:
    struct Finish {
        void operator()(pg_conn* connection) const noexcept;
    };
    using Names = std::shared_ptr<const std::vector<std::string>>;
    struct Prepared {
        std::string name;
        int placeholders = 0;
        bool several = false;
        std::string text;               // the statement as PostgreSQL reads it
        std::vector<std::size_t> ends;  // of each statement in `text`, when several
        Names names;
    };
    struct SqlHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view sql) const noexcept {
            return std::hash<std::string_view>{}(sql);
        }
    };

    Prepared& prepared(std::string_view sql, const SqlParams& params);
    Rows run(std::string_view sql, const SqlParams& params, std::int64_t* changed);
    std::int64_t run_script(const Prepared& script, std::string_view sql);

    std::unique_ptr<pg_conn, Finish> connection_;
    std::string shown_url_;
    std::unordered_map<std::string, Prepared, SqlHash, std::equal_to<>> cache_;
    std::size_t next_name_ = 0;
    std::string copy_sql_;  // the COPY in progress, for its errors
};

}  // namespace ehall
