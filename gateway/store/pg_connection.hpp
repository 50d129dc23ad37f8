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
    // Rolls back the open transaction, if any.
    void rollback_quietly() noexcept;
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
};

}  // namespace ehall
