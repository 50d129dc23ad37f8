// `ehall report offers`: how each offer did in one calendar month (Asia/Shanghai).
// Per offer and channel, from the journal (outcome ok only): impressions, views, accepts,
// dismisses; `reached` = customers shown the offer there; `took_up` = those of them with a
// successful target operation (e.g. family.open) in the month by any path and channel;
// take_up_rate = took_up / reached. The "all" row counts every channel (customers once).
// Control group (from the store's offer_contacts): customers who would have been pushed in
// the month, how many of them took the product up by any path, and their rate.
// lift = take-up rate of the customers reached (all channels) - control take-up rate.
#pragma once

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace ehall {

struct OfferChannelFigures {
    std::string channel;
    std::int64_t impressions = 0;
    std::int64_t views = 0;
    std::int64_t accepts = 0;
    std::int64_t dismisses = 0;
    std::int64_t reached = 0;
    std::int64_t took_up = 0;
    double take_up_rate = 0;
};

struct OfferFigures {
    std::string offer_id;
    std::string title;
    std::string target;  // plugin.operation
    std::vector<OfferChannelFigures> channels;
    OfferChannelFigures all;
    std::int64_t control_customers = 0;
    std::int64_t control_took_up = 0;
    double control_take_up_rate = 0;
    double lift = 0;
};

struct OffersReport {
    std::string month;
    std::vector<OfferFigures> offers;
};

// `store_db` is ehall.db, `journal_db` journal.db (a missing journal counts nothing).
OffersReport offers_report(const std::filesystem::path& store_db,
                           const std::filesystem::path& journal_db, const std::string& month);

nlohmann::json offers_report_json(const OffersReport& report);
std::string offers_report_csv(const OffersReport& report);
std::string offers_report_table(const OffersReport& report);

}  // namespace ehall
