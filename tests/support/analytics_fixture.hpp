// A data dir loaded with the hand-computed analytics fixtures (tests/fixtures/analytics/),
// through the real `ehall import`, for the report, export and page tests. On PostgreSQL
// (test_database.hpp) its journal and store are a fresh database the commands are pointed at.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/support/ehall_command.hpp"

namespace ehall::test {

// The source tree's fixture file `name`.
std::filesystem::path analytics_fixture(const std::string& name);

class AnalyticsData {
  public:
    // A fresh data dir named after `name`; imports events, customers and segments when
    // `load` is set (a failed import fails the test): the fixtures' own, or those in the
    // fixtures' folder `set` (the files it has).
    explicit AnalyticsData(const std::string& name, bool load = true, const std::string& set = "");
    ~AnalyticsData();

    // `ehall <arguments> --config <repo config> --data-dir <this dir>`, with EHALL_STORE_URL
    // on PostgreSQL.
    CommandResult ehall(const std::string& arguments) const;
    // `ehall report <arguments> --format json`, parsed (discarded JSON when it failed).
    nlohmann::json report(const std::string& arguments) const;
    // The journal's rows in id order (journal_reader.hpp).
    std::vector<nlohmann::json> interactions() const;
    const std::filesystem::path& dir() const { return dir_; }
    const std::string& store_url() const { return store_url_; }  // empty on SQLite

  private:
    std::filesystem::path dir_;
    std::string store_url_;
};

}  // namespace ehall::test
