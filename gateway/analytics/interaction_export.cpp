#include "gateway/analytics/interaction_export.hpp"

#include <array>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "gateway/analytics/csv_cell.hpp"
#include "gateway/analytics/event_time.hpp"

namespace ehall::analytics {

namespace {

// The contract columns of DESIGN §5, in order.
constexpr std::array<std::string_view, 17> kExportColumns = {
    "id",         "ts_ms",      "channel",    "subchannel", "terminal_id", "session_id",
    "request_id", "msisdn",     "plugin",     "operation",  "business",    "outcome",
    "code",       "latency_us", "amount_fen", "offer_id",   "source"};
constexpr const char* kSelect =
    "SELECT id, ts_ms, channel, subchannel, terminal_id, session_id, request_id, msisdn, "
    "plugin, operation, business, outcome, code, latency_us, amount_fen, offer_id, source "
    "FROM interactions";
// SQLite is told to read the rows in time order (the planner would sort a scan instead).
constexpr const char* kByTimeOnSqlite = " INDEXED BY interactions_by_ts";
constexpr const char* kRange =
    " WHERE ts_ms >= ?1 AND ts_ms < ?2 AND (?3 = '' OR channel = ?3) ORDER BY ts_ms, id";

// The integer columns; the others are text, which csv_cell.hpp neutralises.
bool is_integer_column(std::string_view name) {
    return name == "id" || name == "ts_ms" || name == "latency_us" || name == "amount_fen";
}

// Writes the header line; what each column holds, for the rows.
std::vector<CsvColumn> write_csv_header(std::ostream& out, std::string& line) {
    std::vector<CsvColumn> columns;
    line.clear();
    for (const std::string_view name : kExportColumns) {
        if (!columns.empty())
            line.push_back(',');
        append_csv_cell(line, name, CsvColumn::text);
        columns.push_back(is_integer_column(name) ? CsvColumn::number : CsvColumn::text);
    }
    line.push_back('\n');
    out << line;
    return columns;
}

void write_csv_row(const ReportStatement& row, const std::vector<CsvColumn>& columns,
                   std::ostream& out, std::string& line) {
    line.clear();
    for (int i = 0; i < static_cast<int>(kExportColumns.size()); ++i) {
        if (i)
            line.push_back(',');
        if (!row.is_null(i))
            append_csv_cell(line, row.text(i), columns[static_cast<std::size_t>(i)]);
    }
    line.push_back('\n');
    out << line;
}

void write_json_row(const ReportStatement& row, std::ostream& out) {
    nlohmann::json object = nlohmann::json::object();
    for (int i = 0; i < static_cast<int>(kExportColumns.size()); ++i) {
        const std::string name(kExportColumns[static_cast<std::size_t>(i)]);
        if (row.is_null(i))
            object[name] = nullptr;
        else if (is_integer_column(name))
            object[name] = row.integer(i);
        else
            object[name] = std::string(row.text(i));
    }
    out << object.dump() << '\n';
}

}  // namespace

std::optional<std::int64_t> parse_export_bound(const std::string& text) {
    if (is_calendar_date(text))
        return parse_event_time(text + "T00:00:00+08:00");
    return parse_event_time(text);
}

std::uint64_t export_interactions(ReportDatabase& journal, const ExportQuery& query,
                                  std::ostream& out) {
    const bool sqlite = journal.engine() == "sqlite";
    ReportStatement rows =
        journal.prepare(std::string(kSelect).append(sqlite ? kByTimeOnSqlite : "").append(kRange));
    rows.bind(1, query.from_ms).bind(2, query.to_ms).bind(3, query.channel);
    std::uint64_t written = 0;
    std::string line;
    std::vector<CsvColumn> columns;
    if (!query.jsonl)
        columns = write_csv_header(out, line);
    while (rows.step()) {
        if (query.jsonl)
            write_json_row(rows, out);
        else
            write_csv_row(rows, columns, out, line);
        ++written;
    }
    return written;
}

}  // namespace ehall::analytics
