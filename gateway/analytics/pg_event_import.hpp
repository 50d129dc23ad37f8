// `ehall import events` into the journal on PostgreSQL (DESIGN §9): the checked lines are
// COPYed into the month-partitioned `interactions` in the import's one transaction (a month
// new to the journal gets its partition first) and their counts, added up here, go into
// `monthly_usage` before the COMMIT, so the file is imported whole or not at all (unless
// --skip-bad) while the gateways go on journaling.
#pragma once

#include <filesystem>
#include <string>

#include "gateway/analytics/csv_import.hpp"

namespace ehall::analytics {

ImportResult import_events_to_postgres(const std::filesystem::path& csv, const std::string& url,
                                       bool skip_bad);

}  // namespace ehall::analytics
