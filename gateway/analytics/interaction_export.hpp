// `ehall export interactions`: the journal's rows in a time range as CSV (text cells a
// spreadsheet would run neutralised, csv_cell.hpp) or JSON lines, stepped through one row at
// a time so memory stays constant however many rows match.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "gateway/analytics/report_database.hpp"

namespace ehall::analytics {

struct ExportQuery {
    std::int64_t from_ms = 0;  // inclusive, UTC ms
    std::int64_t to_ms = 0;    // exclusive
    std::string channel;       // empty: every channel
    bool jsonl = false;        // else CSV with a header line
};

// Returns the number of rows written, from `journal` (open_journal_rows).
std::uint64_t export_interactions(ReportDatabase& journal, const ExportQuery& query,
                                  std::ostream& out);

// --from/--to: a Shanghai date YYYY-MM-DD (its midnight), ISO-8601 with an offset, or epoch
// milliseconds; nothing when it is none of them.
std::optional<std::int64_t> parse_export_bound(const std::string& text);

}  // namespace ehall::analytics
