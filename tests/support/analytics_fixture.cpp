#include "tests/support/analytics_fixture.hpp"

#include <unistd.h>

#include <stdexcept>

#include "tests/support/journal_reader.hpp"
#include "tests/support/test_database.hpp"

namespace ehall::test {

std::filesystem::path analytics_fixture(const std::string& name) {
    return std::filesystem::path(EHALL_SOURCE_DIR) / "tests" / "fixtures" / "analytics" / name;
}

AnalyticsData::AnalyticsData(const std::string& name, bool load, const std::string& set)
    : dir_(std::filesystem::temp_directory_path() /
           ("ehall-analytics-" + name + "-" + std::to_string(::getpid()))),
      store_url_(testing_on_postgres() ? fresh_database_url() : std::string()) {
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    if (!load)
        return;
    for (const char* kind : {"events", "customers", "segments"}) {
        const std::string file =
            analytics_fixture(set.empty() ? std::string(kind) + ".csv" : set + "/" + kind + ".csv")
                .string();
        if (!set.empty() && !std::filesystem::exists(file))
            continue;
        const auto result = ehall(std::string("import ").append(kind).append(" ").append(file));
        if (result.status != 0)
            throw std::runtime_error("import " + std::string(kind) + " failed: " + result.output);
    }
}

AnalyticsData::~AnalyticsData() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
}

CommandResult AnalyticsData::ehall(const std::string& arguments) const {
    const std::string config = (std::filesystem::path(EHALL_SOURCE_DIR) / "config" / "ehall.json");
    const std::string environment =
        store_url_.empty() ? std::string() : "EHALL_STORE_URL='" + store_url_ + "'";
    return run_ehall(environment,
                     arguments + " --config " + config + " --data-dir " + dir_.string());
}

std::vector<nlohmann::json> AnalyticsData::interactions() const {
    if (!store_url_.empty())
        return read_interactions_in_database(store_url_);
    return read_interactions(dir_ / "journal.db");
}

nlohmann::json AnalyticsData::report(const std::string& arguments) const {
    const auto result = ehall("report " + arguments + " --format json");
    if (result.status != 0)
        return nlohmann::json(nlohmann::json::value_t::discarded);
    return nlohmann::json::parse(result.output, nullptr, false);
}

}  // namespace ehall::test
