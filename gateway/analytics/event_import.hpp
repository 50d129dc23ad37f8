// `ehall import events|customers|segments FILE.csv` (DESIGN §6a): events go to the journal's
// `interactions` table with source 'import'; customers and segments to the store.
#pragma once

#include <filesystem>

#include "gateway/analytics/csv_import.hpp"
#include "gateway/analytics/data_place.hpp"

namespace ehall::analytics {

// ts,msisdn,channel,business,outcome[,amount_fen] into journal.db.
ImportResult import_events(const std::filesystem::path& csv,
                           const std::filesystem::path& journal_db, bool skip_bad);

// msisdn,name,brand,home_area,join_date into the store (an existing customer is updated).
ImportResult import_customers(const std::filesystem::path& csv, const DataPlace& place,
                              bool skip_bad);

// msisdn,tag into the store.
ImportResult import_segments(const std::filesystem::path& csv, const DataPlace& place,
                             bool skip_bad);

}  // namespace ehall::analytics
