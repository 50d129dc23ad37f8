// A data dir loaded with the hand-computed analytics fixtures (tests/fixtures/analytics/),
// through the real `ehall import`, for the report, export and page tests.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

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

    // `ehall <arguments> --config <repo config> --data-dir <this dir>`.
    CommandResult ehall(const std::string& arguments) const;
    // `ehall report <arguments> --format json`, parsed (discarded JSON when it failed).
    nlohmann::json report(const std::string& arguments) const;
    const std::filesystem::path& dir() const { return dir_; }

  private:
    std::filesystem::path dir_;
};

}  // namespace ehall::test
