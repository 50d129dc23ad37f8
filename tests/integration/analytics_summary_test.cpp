// The journal's monthly summary (`monthly_usage`, in the summary file) that the reports read
// stays in step with the events however they arrive: a second import of the same file, the
// gateway's own interactions, rows deleted by hand, and a journal written before the summary
// existed; and opening the journal for a report never waits for a writer.
#include <boost/test/unit_test.hpp>
#include <fstream>

#include <ehall/clock.hpp>
#include "gateway/analytics/journal_file.hpp"
#include "gateway/analytics/month.hpp"
#include "gateway/analytics/sqlite_file.hpp"
#include "gateway/analytics/vocabulary.hpp"
#include "gateway/journal/journal_summary.hpp"
#include "tests/support/analytics_fixture.hpp"
#include "tests/support/demo_customer.hpp"
#include "tests/support/server_process.hpp"
#include "tests/support/test_database.hpp"

using namespace ehall::test;
using ehall::analytics::SqliteFile;
using ehall::analytics::Statement;

namespace {

const std::string march_to_may = "echannel-share --months 2026-03,2026-04,2026-05";
const std::string hall_diversion =
    "diversion --business payment --from hall --base 2026-03 --months 2026-04,2026-05";

std::vector<std::int64_t> totals(const nlohmann::json& share) {
    std::vector<std::int64_t> out;
    for (const auto& month : share["months"])
        out.push_back(month["total"].get<std::int64_t>());
    return out;
}

// `ehall report <arguments> --format json` over the data dir `dir`.
nlohmann::json report_in(const std::filesystem::path& dir, const std::string& arguments) {
    const auto config = std::filesystem::path(EHALL_SOURCE_DIR) / "config" / "ehall.json";
    const auto result = run_ehall("", "report " + arguments + " --format json --config " +
                                          config.string() + " --data-dir " + dir.string());
    BOOST_TEST_REQUIRE(result.status == 0, result.output);
    return nlohmann::json::parse(result.output);
}

// Rows of monthly_usage that a recount of the events does not give, and the other way round.
std::int64_t summary_differences(SqliteFile& journal) {
    const std::string recount =
        "SELECT CAST(strftime('%Y%m', ts_ms / 1000 + 28800, 'unixepoch') AS INTEGER), business, "
        "COALESCE(msisdn, ''), channel, COUNT(*) FROM interactions WHERE outcome = 'ok' "
        "GROUP BY 1, 2, 3, 4";
    Statement differences = journal.prepare(
        "SELECT (SELECT COUNT(*) FROM (SELECT * FROM monthly_usage EXCEPT " + recount +
        ")) + (SELECT COUNT(*) FROM (" + recount + " EXCEPT SELECT * FROM monthly_usage))");
    differences.step();
    return differences.integer(0);
}

// The journal's tables, indexes and triggers as SQL.
std::vector<std::string> schema(SqliteFile& journal) {
    Statement rows = journal.prepare(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL "
        "ORDER BY type, name");
    std::vector<std::string> out;
    while (rows.step())
        out.emplace_back(rows.text(0));
    return out;
}

// `events` lines of three customers over six months, every channel, business and outcome.
std::filesystem::path write_events(const std::filesystem::path& dir, int events) {
    const auto path = dir / "many-events.csv";
    std::ofstream csv(path);
    csv << "ts,msisdn,channel,business,outcome\n";
    for (int i = 0; i < events; ++i) {
        const std::int64_t ts_ms = 1767196800000 + std::int64_t{i} * 5281 * 1000;  // from 2026-01
        csv << ts_ms << ",1380000000" << i % 3 << ',' << ehall::analytics::channels[i % 10] << ','
            << ehall::analytics::businesses[i % 8] << ',' << ehall::analytics::outcomes[i % 7 % 4]
            << '\n';
    }
    return path;
}

}  // namespace

// The reports read the journal with ehall.db beside it: SQLite only until the journal
// moves to PostgreSQL (issue 25, item 3).
BOOST_AUTO_TEST_SUITE(analytics_summary, *ehall::test::sqlite_only())

BOOST_AUTO_TEST_CASE(a_second_import_of_the_same_file_counts_every_row_twice) {
    AnalyticsData data("summary-twice");
    BOOST_TEST(totals(data.report(march_to_may)) == std::vector<std::int64_t>({29, 5, 8}));
    const auto again = data.ehall("import events " + analytics_fixture("events.csv").string());
    BOOST_TEST_REQUIRE(again.status == 0, again.output);
    BOOST_TEST(totals(data.report(march_to_may)) == std::vector<std::int64_t>({58, 10, 16}));
    // Doubling every count keeps every share, so the diversion is the same.
    const auto r = data.report(hall_diversion);
    BOOST_TEST(r["target_size"] == 4);
    BOOST_TEST(r["months"][0]["by_channel"] == nlohmann::json({{"web", 1}}));
    BOOST_TEST(r["consecutive"]["diverted"] == 2);
}

BOOST_AUTO_TEST_CASE(deleted_rows_leave_the_reports) {
    AnalyticsData data("summary-delete");
    {
        SqliteFile journal(data.dir() / "journal.db", SqliteFile::Mode::read_write);
        // Customer 1's only April payment, on the web; and customer 2's May kiosk payment.
        journal.exec(
            "DELETE FROM interactions WHERE msisdn IN ('13800000001', '13800000002') "
            "AND channel IN ('web', 'kiosk') AND ts_ms >= 1774972800000");
    }
    const auto r = data.report(hall_diversion);
    BOOST_TEST(r["months"][0]["diverted"] == 3);  // still away from the hall, now nowhere
    BOOST_TEST(r["months"][0]["by_channel"] == nlohmann::json::object());
    BOOST_TEST(r["months"][1]["by_channel"] ==
               nlohmann::json({{"mobile_pay", 1}, {"partner_hall", 1}, {"web", 1}}));
    BOOST_TEST(totals(data.report(march_to_may)) == std::vector<std::int64_t>({29, 4, 7}));
}

BOOST_AUTO_TEST_CASE(the_gateways_own_interactions_count_in_the_reports) {
    ServerProcess server("summary-live");
    BOOST_REQUIRE(server.start(demo_config({"billing"})));
    {
        HttpClient client(server.port());
        const Headers auth = bearer(demo_token(client));
        const auto paid = client.post("/api/v1/services/billing/pay",
                                      {{"amount_fen", 100}, {"method", "card"}}, auth);
        BOOST_TEST(paid.status == 200u, paid.body);
        const auto declined = client.post("/api/v1/services/billing/pay",
                                          {{"amount_fen", 66600}, {"method", "card"}}, auth);
        BOOST_TEST(declined.status == 422u, declined.body);  // not ok: not counted
    }
    BOOST_REQUIRE(server.stop() == 0);
    const std::string month = ehall::analytics::Month::containing(ehall::now_ms()).text();
    const auto share =
        report_in(server.data_dir(), "echannel-share --business payment --months " + month);
    BOOST_TEST(share["months"][0]["total"] == 1);
    BOOST_TEST(share["months"][0]["echannel"] == 1);
    const auto levels =
        report_in(server.data_dir(), "preference --business payment --month " + month);
    BOOST_TEST(levels["customers"] == 1);
    for (const auto& channel : levels["channels"]) {
        if (channel["channel"] == "web")  // 1 of 1 payments on the web: level 5
            BOOST_TEST(channel["levels"] == nlohmann::json({0, 0, 0, 0, 0, 1}));
    }
}

BOOST_AUTO_TEST_CASE(reports_do_not_wait_for_a_writer) {
    AnalyticsData data("summary-busy");
    SqliteFile writer(data.dir() / "journal.db", SqliteFile::Mode::read_write);
    writer.exec("BEGIN IMMEDIATE");  // as a long import holds it
    BOOST_TEST(totals(data.report(march_to_may)) == std::vector<std::int64_t>({29, 5, 8}));
    BOOST_TEST(data.report(hall_diversion)["target_size"] == 4);
    writer.exec("ROLLBACK");
}

BOOST_AUTO_TEST_CASE(a_journal_from_before_the_summary_is_counted_when_first_opened) {
    AnalyticsData data("summary-migrate", false);
    {
        SqliteFile journal(data.dir() / "journal.db", SqliteFile::Mode::read_write);
        journal.exec(R"sql(
CREATE TABLE interactions (
    id INTEGER PRIMARY KEY AUTOINCREMENT, ts_ms INTEGER NOT NULL, channel TEXT NOT NULL,
    subchannel TEXT, terminal_id TEXT, session_id TEXT, request_id TEXT, msisdn TEXT,
    plugin TEXT, operation TEXT, business TEXT, outcome TEXT NOT NULL, code TEXT,
    latency_us INTEGER, amount_fen INTEGER, offer_id TEXT,
    source TEXT NOT NULL DEFAULT 'gateway');
CREATE INDEX interactions_ok_by_business
    ON interactions (business, ts_ms, msisdn, channel) WHERE outcome = 'ok';
-- 2026-03-31T23:59:59+08:00 (March) and 2026-04-01T00:00:00+08:00 (April), a declined one
-- and one without a business type.
INSERT INTO interactions (ts_ms, channel, msisdn, business, outcome) VALUES
    (1774972799000, 'hall', '13800000001', 'payment', 'ok'),
    (1774972800000, 'web', '13800000001', 'payment', 'ok'),
    (1774972800000, 'web', '13800000001', 'payment', 'declined'),
    (1774972800000, 'web', '13800000001', NULL, 'ok');
)sql");
    }
    const auto share = data.report("echannel-share --months 2026-03,2026-04");
    BOOST_TEST(totals(share) == std::vector<std::int64_t>({1, 1}));
    BOOST_TEST(share["months"][1]["echannel"] == 1);
    // Opening it again counts nothing twice.
    BOOST_TEST(totals(data.report("echannel-share --months 2026-03,2026-04")) ==
               std::vector<std::int64_t>({1, 1}));
    const auto r =
        data.report("diversion --business payment --from hall --base 2026-03 --months 2026-04");
    BOOST_TEST(r["target_size"] == 1);
    BOOST_TEST(r["months"][0]["by_channel"] == nlohmann::json({{"web", 1}}));
}

// A file with at least a 32nd as many events as the journal rebuilds the index; a small
// one updates it. Here the fixture rebuilds it in an empty journal, the 3000 events in one
// with the fixture's 48, and the fixture again updates it.
BOOST_AUTO_TEST_CASE(imports_into_a_journal_with_events_keep_the_summary_equal_to_a_recount) {
    AnalyticsData data("summary-recount");
    const auto journal_db = data.dir() / "journal.db";
    const auto fresh_db = data.dir() / "fresh.db";
    std::vector<std::string> fresh_schema;
    {
        SqliteFile fresh = ehall::analytics::open_journal(fresh_db);
        fresh_schema = schema(fresh);
    }
    const auto big = data.ehall("import events " + write_events(data.dir(), 3000).string());
    BOOST_TEST_REQUIRE(big.status == 0, big.output);
    const auto small = data.ehall("import events " + analytics_fixture("events.csv").string());
    BOOST_TEST_REQUIRE(small.status == 0, small.output);
    SqliteFile journal(journal_db, SqliteFile::Mode::read_only);
    BOOST_REQUIRE(ehall::attach_journal_summary(journal.handle(), journal_db, false) == 0);
    Statement counts = journal.prepare(
        "SELECT (SELECT COUNT(*) FROM interactions), (SELECT SUM(n) FROM monthly_usage)");
    BOOST_TEST_REQUIRE(counts.step());
    BOOST_TEST(counts.integer(0) == 48 + 3000 + 48);
    BOOST_TEST(counts.integer(1) == 857 + 2 * 42);  // ok when i % 7 is 0 or 4; the fixture twice
    BOOST_TEST(summary_differences(journal) == 0);
    BOOST_TEST(schema(journal) == fresh_schema, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
