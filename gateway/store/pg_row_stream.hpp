// One query on a PostgreSQL connection whose rows are read one at a time, for reports and
// exports that step through millions of rows in constant memory: a SELECT through a cursor
// fetched in pieces, so that several can be open at once on one connection (a report merges
// streams); it must run inside a transaction. Other statements run at once. The SQL is the
// store's dialect (pg_dialect.hpp). Parameters are 1-based, columns 0-based, as in SQLite.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gateway/store/pg_result.hpp"

namespace ehall {

class PgConnection;

class PgRowStream {
  public:
    PgRowStream(PgConnection& connection, std::string_view sql);
    ~PgRowStream();
    PgRowStream(const PgRowStream&) = delete;
    PgRowStream& operator=(const PgRowStream&) = delete;

    void bind(int index, std::int64_t value);
    void bind(int index, std::string_view value);
    void bind_null(int index);
    // Runs the statement on the first call; true while there is a row. Throws PgError.
    bool step();
    // Closes the cursor, so the statement can be bound and stepped again.
    void reset();

    // Integers, booleans (1/0) and whole numerics; 0 for NULL.
    std::int64_t integer(int column) const;
    std::string_view text(int column) const;
    bool is_null(int column) const;

  private:
    void param(int index, std::optional<std::string> value, unsigned type);
    PgResult exec(const std::string& sql, bool with_params);
    bool fetch();
    void close();

    PgConnection& connection_;
    std::string sql_;
    std::string given_sql_;  // as the caller wrote it, for errors
    bool select_;            // read through a cursor
    std::string cursor_;     // its name, unique on the connection
    std::vector<std::optional<std::string>> values_;
    std::vector<unsigned> types_;
    bool started_ = false;
    bool declared_ = false;  // the cursor exists on the server
    bool open_ = false;      // and may have more rows
    PgResult rows_;          // the rows fetched last
    int at_ = -1;            // the current one in rows_
};

}  // namespace ehall
