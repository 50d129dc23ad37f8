#include "gateway/analytics/report_catalogue.hpp"

#include "gateway/analytics/cohort_report.hpp"
#include "gateway/analytics/diversion_report.hpp"
#include "gateway/analytics/echannel_share_report.hpp"
#include "gateway/analytics/hotline_report.hpp"
#include "gateway/analytics/preference_report.hpp"

namespace ehall::analytics {

namespace {

// Checks the parameters into the report's query, then runs it.
template <typename Query>
auto runner(nlohmann::json (*report)(ReportSources&, const Query&)) {
    return [report](ReportSources& sources, const ReportParams& params) {
        const Query query = Query::from_params(params);
        return report(sources, query);
    };
}

}  // namespace

const std::vector<ReportKind>& report_kinds() {
    static const std::vector<ReportKind> kinds = {
        {"diversion",
         "customers who preferred a channel in a base month and stopped using it",
         {{"business", "business type, e.g. payment"},
          {"from", "the preferred channel, e.g. hall"},
          {"base", "base month YYYY-MM"},
          {"months", "months to measure, YYYY-MM,YYYY-MM,..."},
          {"min-level", "minimum preference level 1..5 in the base month (default 4)"}},
         runner(&diversion_report),
         &diversion_table},
        {"echannel-share",
         "share of transactions via web, sms, kiosk, wap and mobile_pay per month",
         {{"months", "months YYYY-MM,YYYY-MM,..."}, {"business", "only this business type"}},
         runner(&echannel_share_report),
         &echannel_share_table},
        {"cohort",
         "customers who joined in a month by the channel of their first transaction",
         {{"joined", "join month YYYY-MM"},
          {"business", "business type, e.g. payment"},
          {"month", "count transactions up to the end of this month YYYY-MM"}},
         runner(&cohort_report),
         &cohort_table},
        {"preference",
         "customers per preference level 0..5 of each channel",
         {{"business", "business type, e.g. payment"}, {"month", "month YYYY-MM"}},
         runner(&preference_report),
         &preference_table},
        {"hotline",
         "customers with 3+ hotline contacts in a base month: who made none or fewer than 2",
         {{"base", "base month YYYY-MM"}, {"months", "months YYYY-MM,YYYY-MM,..."}},
         runner(&hotline_report),
         &hotline_table},
    };
    return kinds;
}

const ReportKind* find_report(std::string_view name) {
    for (const ReportKind& kind : report_kinds()) {
        if (kind.name == name)
            return &kind;
    }
    return nullptr;
}

nlohmann::json run_report(const ReportKind& kind, const std::filesystem::path& data_dir,
                          const ReportParams& params) {
    SqliteFile journal = open_journal_for_reports(data_dir / "journal.db");
    ReportSources sources{journal, data_dir / "ehall.db"};
    return kind.run(sources, params);
}

}  // namespace ehall::analytics
