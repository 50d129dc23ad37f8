// `ehall backup --to DIR` copies the live databases while the gateway serves: the copies
// hold what was acknowledged before, pass integrity_check, and are never overwritten.
#include <boost/test/unit_test.hpp>

#include "gateway/store/sqlite_store.hpp"
#include "tests/support/demo_customer.hpp"
#include "tests/support/ehall_command.hpp"
#include "tests/support/server_process.hpp"
#include "tests/support/test_database.hpp"

using namespace ehall::test;

namespace {

std::int64_t count_rows(const std::filesystem::path& db, const std::string& sql,
                        const ehall::SqlParams& params = {}) {
    ehall::SqliteStore store({.path = db});
    std::int64_t count = -1;
    store.read([&](ehall::Transaction& tx) { count = tx.query(sql, params).at(0).integer("n"); });
    return count;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(backup, *ehall::test::sqlite_only())

BOOST_AUTO_TEST_CASE(backs_up_a_serving_gateway_and_never_overwrites) {
    ServerProcess server("backup");
    BOOST_REQUIRE(server.start(demo_config()));
    HttpClient client(server.port());
    const std::string token = demo_token(client);
    BOOST_REQUIRE(!token.empty());
    auto headers = bearer(token);
    headers.push_back({"Idempotency-Key", "backup-pay-1"});
    auto paid = client.post("/api/v1/services/billing/pay",
                            {{"amount_fen", 1000}, {"method", "card"}}, headers);
    BOOST_REQUIRE_EQUAL(paid.status, 200);

    const auto target = server.dir() / "copies";
    const std::string args =
        "backup --to " + target.string() + " --config " + (server.dir() / "config.json").string();
    const std::string environment = "EHALL_DATA_DIR=" + server.data_dir().string();
    auto copied = run_ehall(environment, args);
    BOOST_TEST(copied.status == 0, copied.output);
    BOOST_TEST(copied.output.find("journal.db") != std::string::npos, copied.output);
    BOOST_TEST(count_rows(target / "ehall.db",
                          "SELECT count(*) AS n FROM payments WHERE idempotency_key LIKE ? "
                          "AND amount_fen = 1000",
                          {std::string("%:backup-pay-1")}) == 1);
    BOOST_TEST(count_rows(target / "ehall.db", "SELECT count(*) AS n FROM customers") > 0);

    // The gateway keeps serving during and after the copy.
    BOOST_TEST(client.get("/healthz").status == 200);

    // A second backup into the same place refuses and leaves the first copy intact.
    const auto size_before = std::filesystem::file_size(target / "ehall.db");
    auto again = run_ehall(environment, args);
    BOOST_TEST(again.status == 1, again.output);
    BOOST_TEST(again.output.find("already exists") != std::string::npos, again.output);
    BOOST_TEST(std::filesystem::file_size(target / "ehall.db") == size_before);

    auto missing = run_ehall("EHALL_DATA_DIR=" + (server.dir() / "nowhere").string(),
                             "backup --to " + (server.dir() / "other").string() + " --config " +
                                 (server.dir() / "config.json").string());
    BOOST_TEST(missing.status == 1, missing.output);
    BOOST_TEST(missing.output.find("no database") != std::string::npos, missing.output);
}

BOOST_AUTO_TEST_SUITE_END()
