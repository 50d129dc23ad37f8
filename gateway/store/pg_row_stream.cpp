#include "gateway/store/pg_row_stream.hpp"

#include <libpq-fe.h>

#include <atomic>
#include <cctype>
#include <charconv>

#include "gateway/store/pg_connection.hpp"
#include "gateway/store/pg_dialect.hpp"
#include "gateway/store/pg_result.hpp"
#include "gateway/store/sql_excerpt.hpp"

namespace ehall {

namespace {

constexpr unsigned kBigintOid = 20;
// Rows per FETCH: enough that the round trips cost little, few enough to keep memory small.
constexpr int kRowsPerFetch = 2000;

bool starts_with_select(std::string_view sql) {
    while (!sql.empty() && std::isspace(static_cast<unsigned char>(sql.front())))
        sql.remove_prefix(1);
    constexpr std::string_view kSelect = "SELECT";
    if (sql.size() < kSelect.size())
        return false;
    for (std::size_t i = 0; i < kSelect.size(); ++i) {
        if (std::toupper(static_cast<unsigned char>(sql[i])) != kSelect[i])
            return false;
    }
    return true;
}

std::string next_cursor_name() {
    static std::atomic<std::uint64_t> next{0};
    return "ehall_rows_" + std::to_string(++next);
}

}  // namespace

PgRowStream::PgRowStream(PgConnection& connection, std::string_view sql)
    : connection_(connection), given_sql_(sql), select_(starts_with_select(sql)) {
    PgStatement statement = postgres_statement(sql);
    if (statement.several)
        throw StoreError("postgresql: one statement at a time [" + sql_excerpt(given_sql_) + "]",
                         false);
    sql_ = std::move(statement.sql);
    if (select_)
        cursor_ = next_cursor_name();
    values_.resize(static_cast<std::size_t>(statement.placeholders));
    types_.resize(values_.size(), 0);
}

PgRowStream::~PgRowStream() {
    try {
        reset();
    } catch (...) {  // the connection is gone; its owner finds out
    }
}

void PgRowStream::param(int index, std::optional<std::string> value, unsigned type) {
    if (index < 1 || static_cast<std::size_t>(index) > values_.size())
        throw StoreError("postgresql: no parameter " + std::to_string(index) + " [" +
                             sql_excerpt(given_sql_) + "]",
                         false);
    values_[static_cast<std::size_t>(index - 1)] = std::move(value);
    types_[static_cast<std::size_t>(index - 1)] = type;
}

void PgRowStream::bind(int index, std::int64_t value) {
    char digits[24];
    param(index, std::string(digits, std::to_chars(digits, digits + sizeof digits, value).ptr),
          kBigintOid);
}

void PgRowStream::bind(int index, std::string_view value) {
    param(index, std::string(value), 0);
}

void PgRowStream::bind_null(int index) {
    param(index, std::nullopt, 0);
}

PgResult PgRowStream::exec(const std::string& sql, bool with_params) {
    pg_conn* connection = connection_.native();
    PgResult result;
    if (with_params) {
        std::vector<const char*> values;
        for (const auto& value : values_)
            values.push_back(value ? value->c_str() : nullptr);
        const std::vector<Oid> types(types_.begin(), types_.end());
        result.reset(PQexecParams(connection, sql.c_str(), static_cast<int>(values.size()),
                                  types.data(), values.data(), nullptr, nullptr, 0));
    } else {
        result.reset(PQexec(connection, sql.c_str()));
    }
    check_pg_result(result.get(), connection, given_sql_);
    return result;
}

bool PgRowStream::fetch() {
    rows_ = exec("FETCH " + std::to_string(kRowsPerFetch) + " FROM " + cursor_, false);
    at_ = 0;
    const int n = PQntuples(rows_.get());
    if (n < kRowsPerFetch)
        open_ = false;  // the last piece
    return n > 0;
}

bool PgRowStream::step() {
    if (!started_) {
        started_ = true;
        at_ = -1;
        if (!select_) {
            rows_ = exec(sql_, true);
        } else {
            exec("DECLARE " + cursor_ + " NO SCROLL CURSOR FOR " + sql_, true);
            declared_ = open_ = true;
            if (fetch())
                return true;
            close();
            return false;
        }
    }
    if (rows_ && at_ + 1 < PQntuples(rows_.get())) {
        ++at_;
        return true;
    }
    if (open_ && fetch())
        return true;
    close();  // at the end, so the tables it read can be dropped
    return false;
}

void PgRowStream::reset() {
    close();
    started_ = false;
}

void PgRowStream::close() {
    rows_.reset();
    at_ = -1;
    open_ = false;
    if (declared_) {
        declared_ = false;
        exec("CLOSE " + cursor_, false);
    }
}

std::int64_t PgRowStream::integer(int column) const {
    const std::string_view value = text(column);
    if (value == "t")
        return 1;
    std::int64_t n = 0;
    std::from_chars(value.data(), value.data() + value.size(), n);
    return n;
}

std::string_view PgRowStream::text(int column) const {
    if (is_null(column))
        return {};
    return {PQgetvalue(rows_.get(), at_, column),
            static_cast<std::size_t>(PQgetlength(rows_.get(), at_, column))};
}

bool PgRowStream::is_null(int column) const {
    return !rows_ || at_ < 0 || at_ >= PQntuples(rows_.get()) ||
           PQgetisnull(rows_.get(), at_, column);
}

}  // namespace ehall
