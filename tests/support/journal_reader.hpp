// Reads the journal's `interactions` table (DESIGN §5) itself, with the sqlite3 C API or from
// the PostgreSQL database, after the server has stopped, so the tests check what was written,
// not what the server says.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace ehall::test {

class ServerProcess;

// Every row in id order, one JSON object per row: column name -> integer, text or null.
std::vector<nlohmann::json> read_interactions(const std::filesystem::path& journal_db);
// The same from the PostgreSQL database at `url` (DESIGN §9).
std::vector<nlohmann::json> read_interactions_in_database(const std::string& url);
// The server's journal, wherever its engine keeps it. On PostgreSQL that holds the rows of
// every instance sharing its database.
std::vector<nlohmann::json> read_interactions(const ServerProcess& server);

// The row with `request_id`, or nullptr.
const nlohmann::json* find_by_request_id(const std::vector<nlohmann::json>& rows,
                                         const std::string& request_id);

}  // namespace ehall::test
