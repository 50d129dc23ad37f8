#include "tests/support/test_database.hpp"

#include <libpq-fe.h>

#include <unistd.h>
#include <atomic>
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>
#include <cstdlib>
#include <stdexcept>

#include "gateway/base/random_token.hpp"
#include "gateway/store/pg_store.hpp"
#include "gateway/store/sqlite_store.hpp"

namespace ehall::test {

namespace {

const char* cluster_url() {
    const char* url = std::getenv("EHALL_TEST_PG_URL");
    return url && *url ? url : nullptr;
}

}  // namespace

bool testing_on_postgres() {
    return cluster_url() != nullptr;
}

std::string fresh_database_url() {
    const char* cluster = cluster_url();
    if (!cluster)
        throw std::logic_error("fresh_database_url: EHALL_TEST_PG_URL is not set");
    const std::string name = "t" + std::to_string(getpid()) + "_" + random_hex(6);
    std::unique_ptr<PGconn, decltype(&PQfinish)> admin(PQconnectdb(cluster), &PQfinish);
    if (PQstatus(admin.get()) != CONNECTION_OK)
        throw std::runtime_error(std::string("test cluster: ") + PQerrorMessage(admin.get()));
    std::unique_ptr<PGresult, decltype(&PQclear)> created(
        PQexec(admin.get(), ("CREATE DATABASE " + name).c_str()), &PQclear);
    if (PQresultStatus(created.get()) != PGRES_COMMAND_OK)
        throw std::runtime_error(std::string("CREATE DATABASE: ") + PQerrorMessage(admin.get()));
    boost::urls::url url(*boost::urls::parse_uri(cluster));
    url.set_path("/" + name);
    return std::string(url.buffer());
}

std::unique_ptr<HostStore> TestDatabase::open() const {
    if (!pg_url.empty())
        return std::make_unique<PgStore>(PgStore::Options{.url = pg_url});
    return std::make_unique<SqliteStore>(SqliteStore::Options{.path = sqlite_file});
}

TestDatabase test_database(const std::filesystem::path& sqlite_file) {
    return {sqlite_file, testing_on_postgres() ? fresh_database_url() : std::string()};
}

std::unique_ptr<HostStore> open_test_store(const std::filesystem::path& sqlite_file) {
    return test_database(sqlite_file).open();
}

boost::unit_test::precondition sqlite_only() {
    return boost::unit_test::precondition(
        [](boost::unit_test::test_unit_id) { return !testing_on_postgres(); });
}

boost::unit_test::precondition postgres_only() {
    return boost::unit_test::precondition(
        [](boost::unit_test::test_unit_id) { return testing_on_postgres(); });
}

}  // namespace ehall::test
