#include "offers_report.hpp"

#include <map>
#include <regex>
#include <set>

#include <ehall/clock.hpp>

namespace ehall::offers {

namespace {

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

struct CatalogEntry {
    std::string id, title, plugin, operation;
};

struct Tally {
    OfferChannelFigures figures;
    std::set<std::string> reached;
};

double rate(std::int64_t part, std::int64_t whole) {
    return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

void count_event(OfferChannelFigures& figures, const std::string& operation) {
    if (operation == "impression")
        ++figures.impressions;
    else if (operation == "view")
        ++figures.views;
    else if (operation == "accept")
        ++figures.accepts;
    else if (operation == "dismiss")
        ++figures.dismisses;
}

void finish(Tally& tally, const std::set<std::string>& takers) {
    tally.figures.reached = static_cast<std::int64_t>(tally.reached.size());
    tally.figures.took_up = 0;
    for (const auto& msisdn : tally.reached)
        tally.figures.took_up += takers.count(msisdn);
    tally.figures.take_up_rate = rate(tally.figures.took_up, tally.figures.reached);
}

std::set<std::string> customers(Transaction& tx, const std::string& sql, const SqlParams& params) {
    std::set<std::string> found;
    for (const auto& row : tx.query(sql, params))
        found.insert(row.text("msisdn"));
    return found;
}

nlohmann::json figures_json(const OfferChannelFigures& f) {
    return {{"channel", f.channel}, {"impressions", f.impressions},  {"views", f.views},
            {"accepts", f.accepts}, {"dismisses", f.dismisses},      {"reached", f.reached},
            {"took_up", f.took_up}, {"take_up_rate", f.take_up_rate}};
}

// One row per offer and channel (then "all"), as the CSV and the table print them: the
// month, offer and channel label a row, the rest are figures.
ReportTable table_of(const OffersReport& report) {
    ReportTable table;
    table.columns = {"month",
                     "offer_id",
                     "channel",
                     "impressions",
                     "views",
                     "accepts",
                     "dismisses",
                     "reached",
                     "took_up",
                     "take_up_rate",
                     "control_customers",
                     "control_took_up",
                     "control_take_up_rate",
                     "lift"};
    table.label_columns = 3;
    for (const auto& offer : report.offers) {
        std::vector<const OfferChannelFigures*> lines;
        for (const auto& channel : offer.channels)
            lines.push_back(&channel);
        lines.push_back(&offer.all);
        for (const auto* f : lines) {
            table.rows.push_back(
                {report.month, offer.offer_id, f->channel, std::to_string(f->impressions),
                 std::to_string(f->views), std::to_string(f->accepts), std::to_string(f->dismisses),
                 std::to_string(f->reached), std::to_string(f->took_up), rate_cell(f->take_up_rate),
                 std::to_string(offer.control_customers), std::to_string(offer.control_took_up),
                 rate_cell(offer.control_take_up_rate), rate_cell(offer.lift)});
        }
    }
    return table;
}

OffersReport compute(ReportData& data, const std::string& month) {
    OffersReport report{.month = month, .offers = {}};
    const std::int64_t from = shanghai_month_start_ms(month);
    const std::int64_t to = shanghai_month_start_ms(next_month(month));
    std::vector<CatalogEntry> catalog;
    std::map<std::string, std::set<std::string>> control;
    data.store.read([&](Transaction& tx) {
        for (const auto& row :
             tx.query("SELECT id, title, target_plugin, target_operation FROM offers ORDER BY id"))
            catalog.push_back({row.text("id"), row.text("title"), row.text("target_plugin"),
                               row.text("target_operation")});
        for (const auto& entry : catalog)
            control[entry.id] =
                customers(tx,
                          "SELECT DISTINCT msisdn FROM offer_contacts WHERE kind = 'control' "
                          "AND offer_id = ? AND month = ?",
                          {entry.id, month});
    });
    // offer id -> channel -> tally; offer id -> customers who took its product up.
    std::map<std::string, std::map<std::string, Tally>> tallies;
    std::map<std::string, std::set<std::string>> takers;
    data.journal.read([&](Transaction& tx) {
        for (const auto& row :
             tx.query("SELECT channel, msisdn, operation, offer_id FROM interactions "
                      "WHERE plugin = 'offers' AND operation IN ('impression', 'view', 'accept', "
                      "'dismiss') AND outcome = 'ok' AND offer_id != '' AND ts_ms >= ? AND ts_ms < "
                      "?",
                      {from, to})) {
            Tally& tally = tallies[row.text("offer_id")][row.text("channel")];
            count_event(tally.figures, row.text("operation"));
            if (row.text("operation") == "impression")
                tally.reached.insert(row.text("msisdn"));
        }
        for (const auto& entry : catalog)
            takers[entry.id] = customers(
                tx,
                "SELECT DISTINCT msisdn FROM interactions WHERE plugin = ? AND operation = ? "
                "AND outcome = 'ok' AND ts_ms >= ? AND ts_ms < ?",
                {entry.plugin, entry.operation, from, to});
    });
    for (const auto& entry : catalog) {
        OfferFigures offer{.offer_id = entry.id,
                           .title = entry.title,
                           .target = entry.plugin + "." + entry.operation,
                           .channels = {},
                           .all = {},
                           .control_customers = 0,
                           .control_took_up = 0,
                           .control_take_up_rate = 0,
                           .lift = 0};
        Tally all;
        all.figures.channel = "all";
        for (auto& [channel, tally] : tallies[entry.id]) {
            tally.figures.channel = channel;
            finish(tally, takers[entry.id]);
            offer.channels.push_back(tally.figures);
            all.figures.impressions += tally.figures.impressions;
            all.figures.views += tally.figures.views;
            all.figures.accepts += tally.figures.accepts;
            all.figures.dismisses += tally.figures.dismisses;
            all.reached.insert(tally.reached.begin(), tally.reached.end());
        }
        finish(all, takers[entry.id]);
        offer.all = all.figures;
        const auto& controls = control[entry.id];
        offer.control_customers = static_cast<std::int64_t>(controls.size());
        for (const auto& msisdn : controls)
            offer.control_took_up += takers[entry.id].count(msisdn);
        offer.control_take_up_rate = rate(offer.control_took_up, offer.control_customers);
        offer.lift = offer.all.take_up_rate - offer.control_take_up_rate;
        report.offers.push_back(std::move(offer));
    }
    return report;
}

nlohmann::json json_of(const OffersReport& report) {
    nlohmann::json offers = nlohmann::json::array();
    for (const auto& offer : report.offers) {
        nlohmann::json channels = nlohmann::json::array();
        for (const auto& channel : offer.channels)
            channels.push_back(figures_json(channel));
        offers.push_back({{"offer_id", offer.offer_id},
                          {"title", offer.title},
                          {"target", offer.target},
                          {"channels", channels},
                          {"all", figures_json(offer.all)},
                          {"control",
                           {{"customers", offer.control_customers},
                            {"took_up", offer.control_took_up},
                            {"take_up_rate", offer.control_take_up_rate}}},
                          {"lift", offer.lift}});
    }
    return {{"month", report.month}, {"offers", offers}};
}

}  // namespace

ReportSpec offers_report_spec() {
    return {
        .name = "offers",
        .summary = "per offer and channel: impressions, responses, take-up, control group, lift",
        .params = {{.name = "month",
                    .help = "calendar month, Asia/Shanghai (YYYY-MM)",
                    .required = true}}};
}

ReportResult offers_report(const ReportRequest& request, ReportData& data) {
    static const std::regex month_shape("\\d{4}-(0[1-9]|1[0-2])");
    const std::string month = request.params.value("month", "");
    if (!std::regex_match(month, month_shape))
        return ReportResult::bad_request("--month YYYY-MM is required");
    const OffersReport report = compute(data, month);
    ReportResult result;
    result.json = json_of(report);
    result.table = table_of(report);
    return result;
}

}  // namespace ehall::offers
