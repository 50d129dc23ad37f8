// `ehall report offers --month M [--format table|csv|json]`: the offers report
// (gateway/analytics/offers_report.hpp) from the data dir's ehall.db and journal.db.
#pragma once

#include <string>
#include <vector>

namespace ehall {

int run_offers_report(const std::vector<std::string>& args);

}  // namespace ehall
