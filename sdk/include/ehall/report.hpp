// Reports a plugin owns (DESIGN §4a): declared in its manifest, computed by
// Plugin::report over the store and the journal, served by the host as
// `ehall report <name> [--<param> V] [--format table|csv|json]` and as
// GET /analytics/v1/reports/<name>?<param>=V (analyst token), beside the core's reports.
//
// The journal is read through the same Store interface as the store: one table,
// `interactions`, with the journal contract's columns (DESIGN §5: ts_ms, channel,
// subchannel, msisdn, plugin, operation, business, outcome, code, latency_us, amount_fen,
// offer_id, source). Reports only read (Store::read).
#pragma once

#include <cstddef>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <ehall/store.hpp>

namespace ehall {

// One option of a report: `--<name>` on the command line, `?<name>=` on the API.
struct ReportParam {
    std::string name;
    std::string help;  // e.g. "calendar month, Asia/Shanghai (YYYY-MM)"
    bool required = false;
};

struct ReportSpec {
    std::string name;     // unique among every plugin's and the core's reports, e.g. "offers"
    std::string summary;  // one line for `ehall report` and the analyst pages
    std::vector<ReportParam> params{};
};

// A report as rows of text cells, printed as an aligned table or as CSV: the first
// `label_columns` columns name a row (month, offer, channel) and align left, the rest are
// figures and align right. Every row has one cell per column.
struct ReportTable {
    std::string title;  // one line above the table (not in CSV)
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
    std::size_t label_columns = 1;
};

// A fraction as a cell: 4 decimals ("0.4920").
inline std::string rate_cell(double rate) {
    char out[32];
    std::snprintf(out, sizeof out, "%.4f", rate);
    return out;
}

struct ReportRequest {
    std::string name;
    nlohmann::json params = nlohmann::json::object();  // declared params given, as strings
};

struct ReportResult {
    // "ok", or "bad_request" with `message` naming the parameter (the CLI exits 2, the API
    // answers 400).
    std::string code = "ok";
    std::string message;
    nlohmann::json json = nlohmann::json::object();  // --format json and the API's `report`
    ReportTable table;                               // --format table and csv

    static ReportResult bad_request(std::string message) {
        ReportResult r;
        r.code = "bad_request";
        r.message = std::move(message);
        return r;
    }
    bool is_ok() const { return code == "ok"; }
};

// What a report reads: the store, and the journal (without rows when nothing was journaled).
struct ReportData {
    Store& store;
    Store& journal;
};

}  // namespace ehall
