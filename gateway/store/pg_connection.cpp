#include "gateway/store/pg_connection.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <string>
#include <utility>

#include "gateway/store/pg_dialect.hpp"
#include "gateway/store/pg_result.hpp"
#include "gateway/store/sql_excerpt.hpp"

namespace ehall {

namespace {

// SQL texts are constants in code; the cap only guards against SQL built at run time.
constexpr std::size_t kMaxPreparedStatements = 512;

// PostgreSQL type OIDs (catalog/pg_type_d.h, stable across versions).
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26, kFloat4 = 700,
              kFloat8 = 701, kNumeric = 1700;

using Result = PgResult;

[[noreturn]] void pg_refuse(const std::string& what, std::string_view sql) {
    throw StoreError("postgresql: " + what + " [" + sql_excerpt(sql) + "]", false);
}

std::int64_t pg_integer(const char* text) {
    std::int64_t value = 0;
    std::from_chars(text, text + std::char_traits<char>::length(text), value);
    return value;
}

SqlValue pg_column_value(const PGresult* result, int row, int column) {
    if (PQgetisnull(result, row, column))
        return nullptr;
    const char* text = PQgetvalue(result, row, column);
    switch (PQftype(result, column)) {
        case kInt2:
        case kInt4:
        case kInt8:
        case kOid:
            return pg_integer(text);
        case kBool:
            return std::int64_t{text[0] == 't' ? 1 : 0};
        case kFloat4:
        case kFloat8:
            return std::strtod(text, nullptr);
        case kNumeric:  // sum() of bigints: whole numbers stay integers
            if (std::string_view(text).find_first_of(".eE") == std::string_view::npos)
                return pg_integer(text);
            return std::strtod(text, nullptr);
        default:
            return std::string(text, static_cast<std::size_t>(PQgetlength(result, row, column)));
    }
}

// What PostgreSQL is told of each parameter's type: integers as bigint, so `? - 60000`
// never becomes a 32-bit sum; text and NULL are left for the server to infer.
Oid pg_type_of(const SqlValue& value) {
    if (std::holds_alternative<std::int64_t>(value))
        return kInt8;
    if (std::holds_alternative<double>(value))
        return kFloat8;
    return 0;
}

std::string pg_text_of(const SqlValue& value) {
    char buffer[32];
    if (const auto* n = std::get_if<std::int64_t>(&value))
        return std::string(buffer, std::to_chars(buffer, buffer + sizeof buffer, *n).ptr);
    if (const auto* d = std::get_if<double>(&value))
        return std::string(buffer, std::to_chars(buffer, buffer + sizeof buffer, *d).ptr);
    return std::get<std::string>(value);
}

}  // namespace

void PgConnection::Finish::operator()(pg_conn* connection) const noexcept {
    PQfinish(connection);
}

PgConnection::PgConnection(const std::string& url, const std::string& shown_url)
    : connection_(PQconnectdb(url.c_str())), shown_url_(shown_url) {
    if (!connection_ || PQstatus(connection_.get()) != CONNECTION_OK) {
        std::string why = connection_ ? PQerrorMessage(connection_.get()) : "out of memory";
        while (!why.empty() && (why.back() == '\n' || why.back() == ' '))
            why.pop_back();
        throw StoreError("postgresql: cannot connect to " + shown_url + ": " + why, false);
    }
    PQsetClientEncoding(connection_.get(), "UTF8");
    // UTC inside; notices ("already exists, skipping") are not the service log's business.
    execute("SET TIME ZONE 'UTC'");
    execute("SET client_min_messages TO WARNING");
}

PgConnection::Prepared& PgConnection::prepared(std::string_view sql, const SqlParams& params) {
    if (auto it = cache_.find(sql); it != cache_.end())
        return it->second;
    PgStatement statement = postgres_statement(sql);
    Prepared entry;
    entry.placeholders = statement.placeholders;
    entry.several = statement.several;
    entry.text = std::move(statement.sql);
    entry.ends = std::move(statement.ends);
    if (!entry.several) {
        if (cache_.size() >= kMaxPreparedStatements) {
            check_pg_result(Result(PQexec(connection_.get(), "DEALLOCATE ALL")).get(),
                            connection_.get(), "DEALLOCATE ALL");
            cache_.clear();
        }
        entry.name = "e" + std::to_string(++next_name_);
        std::vector<Oid> types;
        if (params.size() == static_cast<std::size_t>(entry.placeholders)) {
            for (const auto& value : params)
                types.push_back(pg_type_of(value));
        }
        check_pg_result(Result(PQprepare(connection_.get(), entry.name.c_str(), entry.text.c_str(),
                                         static_cast<int>(types.size()), types.data()))
                            .get(),
                        connection_.get(), sql);
    }
    return cache_.emplace(std::string(sql), std::move(entry)).first->second;
}

Rows PgConnection::run(std::string_view sql, const SqlParams& params, std::int64_t* changed) {
    Prepared& statement = prepared(sql, params);
    if (statement.several) {
        if (!params.empty())
            pg_refuse("parameters need a single statement", sql);
        const std::int64_t total = run_script(statement, sql);
        if (changed)
            *changed = total;
        return {};
    }
    if (params.size() != static_cast<std::size_t>(statement.placeholders)) {
        pg_refuse(std::to_string(params.size()) + " parameters for " +
                      std::to_string(statement.placeholders) + " placeholders",
                  sql);
    }
    std::vector<std::string> texts;
    std::vector<const char*> values;
    texts.reserve(params.size());
    for (const auto& value : params) {
        if (std::holds_alternative<std::nullptr_t>(value)) {
            texts.emplace_back();
            values.push_back(nullptr);
        } else {
            values.push_back(texts.emplace_back(pg_text_of(value)).c_str());
        }
    }
    Result result(PQexecPrepared(connection_.get(), statement.name.c_str(),
                                 static_cast<int>(values.size()), values.data(), nullptr, nullptr,
                                 0));
    check_pg_result(result.get(), connection_.get(), sql);
    if (changed) {
        const char* tuples = PQcmdTuples(result.get());
        *changed = tuples && *tuples ? pg_integer(tuples) : 0;
        return {};
    }
    const int columns = PQnfields(result.get());
    if (!statement.names || statement.names->size() != static_cast<std::size_t>(columns)) {
        auto names = std::make_shared<std::vector<std::string>>();
        for (int c = 0; c < columns; ++c)
            names->emplace_back(PQfname(result.get(), c));
        statement.names = std::move(names);
    }
    Rows rows;
    const int count = PQntuples(result.get());
    rows.reserve(static_cast<std::size_t>(count));
    for (int r = 0; r < count; ++r) {
        std::vector<SqlValue> values;
        values.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c)
            values.push_back(pg_column_value(result.get(), r, c));
        rows.emplace_back(statement.names, std::move(values));
    }
    return rows;
}

// Each statement on its own, so that the rows each one changed add up.
std::int64_t PgConnection::run_script(const Prepared& script, std::string_view sql) {
    std::int64_t total = 0;
    std::size_t start = 0;
    auto run_one = [&](std::size_t end) {
        const std::string one = script.text.substr(start, end - start);
        start = end;
        Result result(PQexec(connection_.get(), one.c_str()));
        check_pg_result(result.get(), connection_.get(), sql);
        const char* tuples = PQcmdTuples(result.get());
        total += tuples && *tuples ? pg_integer(tuples) : 0;
    };
    for (const std::size_t end : script.ends)
        run_one(end);
    if (script.text.find_first_not_of(" \t\r\n;", start) != std::string::npos)
        run_one(script.text.size());
    return total;
}

Rows PgConnection::query(std::string_view sql, const SqlParams& params) {
    return run(sql, params, nullptr);
}

std::int64_t PgConnection::execute(std::string_view sql, const SqlParams& params) {
    std::int64_t changed = 0;
    run(sql, params, &changed);
    return changed;
}

std::int64_t PgConnection::last_insert_id() {
    const Rows rows = query("SELECT lastval() AS id");
    return rows.front().integer("id");
}

void PgConnection::run_raw(const char* sql) {
    check_pg_result(Result(PQexec(connection_.get(), sql)).get(), connection_.get(), sql);
}

void PgConnection::copy_in(const char* copy_sql, std::string_view rows) {
    copy_start(copy_sql);
    copy_send(rows);
    copy_end();
}

void PgConnection::copy_start(const char* copy_sql) {
    Result started(PQexec(connection_.get(), copy_sql));
    if (!started || PQresultStatus(started.get()) != PGRES_COPY_IN) {
        check_pg_result(started.get(), connection_.get(), copy_sql);
        pg_refuse("not a COPY FROM STDIN", copy_sql);
    }
    copy_sql_ = copy_sql;
}

void PgConnection::copy_send(std::string_view rows) {
    // In pieces of 1 MiB; a refused row fails at copy_end, naming its line.
    constexpr std::size_t kPiece = 1 << 20;
    for (std::size_t at = 0; at < rows.size(); at += kPiece) {
        const std::size_t n = std::min(kPiece, rows.size() - at);
        if (PQputCopyData(connection_.get(), rows.data() + at, static_cast<int>(n)) != 1)
            check_pg_result(nullptr, connection_.get(), copy_sql_);
    }
}

void PgConnection::copy_end(const char* abandon_because) {
    pg_conn* connection = connection_.get();
    if (PQputCopyEnd(connection, abandon_because) != 1 && !abandon_because)
        check_pg_result(nullptr, connection, copy_sql_);
    Result ended(PQgetResult(connection));
    while (PGresult* more = PQgetResult(connection))
        PQclear(more);
    if (!abandon_because)
        check_pg_result(ended.get(), connection, copy_sql_);
}

void PgConnection::rollback_quietly() noexcept {
    if (PQtransactionStatus(connection_.get()) != PQTRANS_IDLE)
        PQclear(PQexec(connection_.get(), "ROLLBACK"));
}

bool PgConnection::broken() const noexcept {
    return PQstatus(connection_.get()) != CONNECTION_OK;
}

}  // namespace ehall
