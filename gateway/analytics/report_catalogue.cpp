#include "gateway/analytics/report_catalogue.hpp"

#include <spdlog/spdlog.h>

#include "gateway/analytics/active_report.hpp"
#include "gateway/analytics/cohort_report.hpp"
#include "gateway/analytics/customer_filter.hpp"
#include "gateway/analytics/diversion_report.hpp"
#include "gateway/analytics/echannel_share_report.hpp"
#include "gateway/analytics/hotline_report.hpp"
#include "gateway/analytics/penetration_report.hpp"
#include "gateway/analytics/plugin_report_data.hpp"
#include "gateway/analytics/preference_report.hpp"
#include "gateway/host/plugin_module.hpp"

namespace ehall::analytics {

namespace {

// Runs `report` over the deployment's journal, counting only the customers the filter in
// `params` chooses.
ReportOutput run_report(const DataPlace& place, const ReportParams& params,
                        const std::function<nlohmann::json(ReportSources&)>& report,
                        ReportTable (*table)(const nlohmann::json&)) {
    const CustomerFilter customers = CustomerFilter::from_params(params);
    const std::unique_ptr<ReportDatabase> db = open_report_database(place);
    ReportSources sources{*db};
    customers.apply(sources);
    ReportOutput output{.json = report(sources), .table = {}};
    output.table = table(output.json);
    customers.describe(output.json, output.table);
    return output;
}

// Checks the parameters into the report's query, then runs it.
template <typename Query>
auto runner(nlohmann::json (*report)(ReportSources&, const Query&),
            ReportTable (*table)(const nlohmann::json&)) {
    return [report, table](const DataPlace& place, const ReportParams& params) {
        const Query query = Query::from_params(params);
        return run_report(
            place, params, [&](ReportSources& sources) { return report(sources, query); }, table);
    };
}

// A core report: its own options, then the customer filter's.
ReportKind core_report(std::string name, std::string summary, std::vector<ReportOption> options,
                       decltype(ReportKind::run) run) {
    for (const auto& [option, help] : customer_filter_options)
        options.push_back({std::string(option), std::string(help)});
    return {std::move(name), std::move(summary), std::move(options), std::move(run)};
}

// `penetration` over the holdings of `modules`' plugins, which it copies.
ReportKind penetration_kind(const std::vector<PluginModule*>& modules) {
    Holdings holdings;
    for (PluginModule* module : modules) {
        if (!module->manifest().holding_sql.empty())
            holdings.emplace(module->manifest().id, module->manifest().holding_sql);
    }
    auto run = [holdings](const DataPlace& place, const ReportParams& params) {
        const PenetrationQuery query = PenetrationQuery::from_params(params, holdings);
        return run_report(
            place, params,
            [&](ReportSources& sources) { return penetration_report(sources, query); },
            &penetration_table);
    };
    return core_report("penetration",
                       "customers holding a plugin's product at the end of a month, by brand",
                       {{"month", "month YYYY-MM"}, {"plugin", "the plugin, e.g. family"}}, run);
}

// A plugin's report over the deployment's store and journal (DESIGN §4a): on PostgreSQL one
// database holds both.
ReportKind plugin_report(Plugin& plugin, const ReportSpec& spec) {
    ReportKind kind{.name = spec.name, .summary = spec.summary, .options = {}, .run = {}};
    for (const auto& param : spec.params)
        kind.options.push_back({param.name, param.help});
    kind.run = [&plugin, spec](const DataPlace& place, const ReportParams& params) {
        ReportRequest request{.name = spec.name, .params = nlohmann::json::object()};
        for (const auto& param : spec.params) {
            const auto it = params.find(param.name);
            if (it != params.end())
                request.params[param.name] = it->second;
            else if (param.required)
                throw ReportInputError("--" + param.name + " is required");
        }
        ReportResult result = run_plugin_report(plugin, request, place);
        if (result.code == "bad_request")
            throw ReportInputError(result.message);
        if (!result.is_ok())
            throw std::runtime_error(spec.name + ": " + result.code + " " + result.message);
        return ReportOutput{.json = std::move(result.json), .table = std::move(result.table)};
    };
    return kind;
}

}  // namespace

const std::vector<ReportKind>& report_kinds() {
    static const std::vector<ReportKind> kinds = {
        core_report("diversion",
                    "customers who preferred a channel in a base month and stopped using it",
                    {{"business", "business type, e.g. payment"},
                     {"from", "the preferred channel, e.g. hall"},
                     {"base", "base month YYYY-MM"},
                     {"months", "months to measure, YYYY-MM,YYYY-MM,..."},
                     {"min-level", "minimum preference level 1..5 in the base month (default 4)"},
                     {"by-hall",
                      "also per hall: the hall of most of a customer's base-month "
                      "transactions via the channel",
                      true}},
                    runner(&diversion_report, &diversion_table)),
        core_report(
            "echannel-share",
            "share of transactions via web, sms, kiosk, wap and mobile_pay per month",
            {{"months", "months YYYY-MM,YYYY-MM,..."}, {"business", "only this business type"}},
            runner(&echannel_share_report, &echannel_share_table)),
        core_report("cohort",
                    "customers who joined in a month by the channel of their first transaction",
                    {{"joined", "join month YYYY-MM"},
                     {"business", "business type, e.g. payment"},
                     {"month", "count transactions up to the end of this month YYYY-MM"}},
                    runner(&cohort_report, &cohort_table)),
        core_report("preference", "customers per preference level 0..5 of each channel",
                    {{"business", "business type, e.g. payment"}, {"month", "month YYYY-MM"}},
                    runner(&preference_report, &preference_table)),
        core_report(
            "hotline",
            "customers with N+ hotline contacts in a base month: who stopped calling or called "
            "once, and whose preference for the hotline fell",
            {{"base", "base month YYYY-MM"},
             {"months", "months YYYY-MM,YYYY-MM,..."},
             {"min-calls", "hotline contacts in the base month that make the target (default 3)"}},
            runner(&hotline_report, &hotline_table)),
        core_report(
            "active",
            "customers with at least one transaction per month and channel, and on e-channels",
            {{"months", "months YYYY-MM,YYYY-MM,..."}}, runner(&active_report, &active_table)),
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

ReportCatalogue::ReportCatalogue(const std::vector<PluginModule*>& modules)
    : kinds_(report_kinds()) {
    kinds_.push_back(penetration_kind(modules));
    for (PluginModule* module : modules) {
        for (const auto& spec : module->manifest().reports) {
            if (find(spec.name)) {
                spdlog::error("plugin {}: report name '{}' is taken; left out",
                              module->manifest().id, spec.name);
                continue;
            }
            kinds_.push_back(plugin_report(module->plugin(), spec));
        }
    }
}

const ReportKind* ReportCatalogue::find(std::string_view name) const {
    for (const ReportKind& kind : kinds_) {
        if (kind.name == name)
            return &kind;
    }
    return nullptr;
}

}  // namespace ehall::analytics
