// `ehall export interactions`: the journal's rows in a Shanghai time range, as CSV or JSON
// lines, filtered by channel; CSV cells a spreadsheet would run are neutralised.
#include <sqlite3.h>

#include <boost/test/unit_test.hpp>
#include <sstream>

#include "tests/support/analytics_fixture.hpp"
#include "tests/support/test_database.hpp"

using namespace ehall::test;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

// Appends a row to journal.db as a writer other than ehall (or an older one) might have left
// it: text columns as given, the integer columns as numbers.
void append_row(const std::filesystem::path& journal_db, std::int64_t ts_ms,
                const std::vector<std::string>& text, std::int64_t amount_fen) {
    sqlite3* db = nullptr;
    BOOST_REQUIRE(sqlite3_open(journal_db.c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* insert = nullptr;
    BOOST_REQUIRE(
        sqlite3_prepare_v2(db,
                           "INSERT INTO interactions (ts_ms, channel, subchannel, terminal_id, "
                           "session_id, request_id, msisdn, plugin, operation, business, outcome, "
                           "code, latency_us, amount_fen, offer_id, source) VALUES "
                           "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ok', ?, 12, ?, ?, 'import')",
                           -1, &insert, nullptr) == SQLITE_OK);
    sqlite3_bind_int64(insert, 1, ts_ms);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const int column = static_cast<int>(i) + (i < 10 ? 2 : 3);  // ?12 is amount_fen
        sqlite3_bind_text(insert, column, text[i].c_str(), -1, SQLITE_TRANSIENT);
    }
    sqlite3_bind_int64(insert, 12, amount_fen);
    BOOST_TEST(sqlite3_step(insert) == SQLITE_DONE, sqlite3_errmsg(db));
    sqlite3_finalize(insert);
    sqlite3_close(db);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(analytics_export)

BOOST_AUTO_TEST_CASE(csv_of_a_day_range_with_the_contract_columns) {
    AnalyticsData data("export-csv");
    // May 1st 00:00 Shanghai up to May 3rd: customer 11's 00:10 web payment and customer
    // 2's kiosk payment (May 2nd 09:00Z).
    const auto result = data.ehall("export interactions --from 2026-05-01 --to 2026-05-03");
    BOOST_TEST(result.status == 0, result.output);
    const auto lines = lines_of(result.output);
    BOOST_REQUIRE_EQUAL(lines.size(), 4u);  // header, two rows, the count on stderr
    BOOST_TEST(lines[0] ==
               "id,ts_ms,channel,subchannel,terminal_id,session_id,request_id,msisdn,plugin,"
               "operation,business,outcome,code,latency_us,amount_fen,offer_id,source");
    BOOST_TEST(lines[1].find(",1777565400000,web,,,,,13800000011,,,payment,ok,,,2000,,import") !=
                   std::string::npos,
               lines[1]);
    BOOST_TEST(lines[2].find(",kiosk,") != std::string::npos, lines[2]);
    BOOST_TEST(lines[3] == "exported 2 interaction(s)");
}

BOOST_AUTO_TEST_CASE(jsonl_filtered_by_channel) {
    AnalyticsData data("export-jsonl");
    const auto result = data.ehall(
        "export interactions --from 2026-03-01T00:00:00+08:00 --to 2026-06-01T00:00:00+08:00 "
        "--channel hotline --format jsonl");
    BOOST_TEST(result.status == 0, result.output);
    const auto lines = lines_of(result.output);
    BOOST_REQUIRE_EQUAL(lines.size(), 14u);  // 13 hotline rows and the count
    const auto first = nlohmann::json::parse(lines[0]);
    BOOST_TEST(first["channel"] == "hotline");
    BOOST_TEST(first["msisdn"] == "13800000007");
    BOOST_TEST(first["amount_fen"].is_null());
    BOOST_TEST(first["ts_ms"].is_number_integer());
    BOOST_TEST(lines[13] == "exported 13 interaction(s)");
}

// The row is written into journal.db itself (on PostgreSQL, COPY's own escaping is checked by
// the postgres_journal unit suite).
BOOST_AUTO_TEST_CASE(formula_cells_are_neutralised_and_numbers_kept, *ehall::test::sqlite_only()) {
    AnalyticsData data("export-formulas");
    // 2030-01-01T00:00:00Z, after every fixture row. The imports refuse such text (every
    // imported field is checked against its vocabulary), so the row is written directly.
    append_row(data.dir() / "journal.db", 1893456000000,
               {"=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3", "@A1", "\tlead", " =1+1", "say \"hi\"",
                "北京,上海", "two\nlines", "\rcode", "=HYPERLINK(\"http://x\")"},
               -5);
    const auto result = data.ehall("export interactions --from 2030-01-01 --to 2030-01-02");
    BOOST_TEST(result.status == 0, result.output);
    const std::string expected =
        ",1893456000000,'=cmd|' /C calc'!A0,\"'+SUM(1,2)\",'-2+3,'@A1,'\tlead,' =1+1,"
        "\"say \"\"hi\"\"\",\"北京,上海\",\"two\nlines\",ok,\"'\rcode\",12,-5,"
        "\"'=HYPERLINK(\"\"http://x\"\")\",import\n";
    BOOST_TEST(result.output.find(expected) != std::string::npos, result.output);
}

BOOST_AUTO_TEST_CASE(bad_bounds_are_refused) {
    AnalyticsData data("export-bad", false);
    const auto result = data.ehall("export interactions --from yesterday --to 2026-05-03");
    BOOST_TEST(result.status == 2, result.output);
    BOOST_TEST(result.output.find("--from/--to") != std::string::npos, result.output);
    const auto channel =
        data.ehall("export interactions --from 2026-05-01 --to 2026-05-03 --channel fax");
    BOOST_TEST(channel.status == 2, channel.output);
}

BOOST_AUTO_TEST_SUITE_END()
