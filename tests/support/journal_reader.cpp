#include "tests/support/journal_reader.hpp"

#include <sqlite3.h>

#include <memory>
#include <stdexcept>

#include "tests/support/server_process.hpp"
#include "tests/support/test_database.hpp"

namespace ehall::test {

namespace {

nlohmann::json column_value(sqlite3_stmt* statement, int column) {
    switch (sqlite3_column_type(statement, column)) {
        case SQLITE_INTEGER:
            return sqlite3_column_int64(statement, column);
        case SQLITE_FLOAT:
            return sqlite3_column_double(statement, column);
        case SQLITE_NULL:
            return nullptr;
        default:
            return std::string(
                reinterpret_cast<const char*>(sqlite3_column_text(statement, column)),
                static_cast<std::size_t>(sqlite3_column_bytes(statement, column)));
    }
}

}  // namespace

std::vector<nlohmann::json> read_interactions(const std::filesystem::path& journal_db) {
    sqlite3* raw = nullptr;
    if (sqlite3_open_v2(journal_db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        std::string message = raw ? sqlite3_errmsg(raw) : "out of memory";
        sqlite3_close(raw);
        throw std::runtime_error("cannot open " + journal_db.string() + ": " + message);
    }
    std::unique_ptr<sqlite3, decltype(&sqlite3_close)> db(raw, &sqlite3_close);
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db.get(), "SELECT * FROM interactions ORDER BY id", -1, &statement,
                           nullptr) != SQLITE_OK) {
        throw std::runtime_error("cannot read interactions: " +
                                 std::string(sqlite3_errmsg(db.get())));
    }
    std::vector<nlohmann::json> rows;
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
        nlohmann::json row = nlohmann::json::object();
        for (int column = 0; column < sqlite3_column_count(statement); ++column) {
            row[sqlite3_column_name(statement, column)] = column_value(statement, column);
        }
        rows.push_back(std::move(row));
    }
    sqlite3_finalize(statement);
    if (step != SQLITE_DONE)
        throw std::runtime_error("reading interactions failed");
    return rows;
}

std::vector<nlohmann::json> read_interactions_in_database(const std::string& url) {
    const auto store = TestDatabase{.sqlite_file = {}, .pg_url = url}.open();
    std::vector<nlohmann::json> rows;
    store->read([&](ehall::Transaction& tx) {
        for (const auto& row : tx.query("SELECT id, ts_ms, channel, subchannel, terminal_id, "
                                        "session_id, request_id, msisdn, plugin, operation, "
                                        "business, outcome, code, latency_us, amount_fen, "
                                        "offer_id, source FROM interactions ORDER BY id")) {
            nlohmann::json object = nlohmann::json::object();
            for (const char* column :
                 {"id", "ts_ms", "channel", "subchannel", "terminal_id", "session_id", "request_id",
                  "msisdn", "plugin", "operation", "business", "outcome", "code", "latency_us",
                  "amount_fen", "offer_id", "source"}) {
                std::visit(
                    [&](const auto& value) {
                        if constexpr (std::is_same_v<std::decay_t<decltype(value)>, std::nullptr_t>)
                            object[column] = nullptr;
                        else
                            object[column] = value;
                    },
                    row.at(column));
            }
            rows.push_back(std::move(object));
        }
    });
    return rows;
}

std::vector<nlohmann::json> read_interactions(const ServerProcess& server) {
    if (!server.store_url().empty())
        return read_interactions_in_database(server.store_url());
    return read_interactions(server.journal_path());
}

const nlohmann::json* find_by_request_id(const std::vector<nlohmann::json>& rows,
                                         const std::string& request_id) {
    for (const auto& row : rows) {
        if (row["request_id"] == request_id)
            return &row;
    }
    return nullptr;
}

}  // namespace ehall::test
