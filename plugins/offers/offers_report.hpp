// `ehall report offers`: how each offer did in one calendar month (Asia/Shanghai).
// Per offer and channel, from the journal (outcome ok only): impressions, views, accepts,
// dismisses; `reached` = customers shown the offer there; `took_up` = those of them with a
// successful target operation (e.g. family.open) in the month by any path and channel;
// take_up_rate = took_up / reached. The "all" row counts every channel (customers once).
// Control group (from the plugin's offer_contacts): customers who would have been pushed in
// the month, how many of them took the product up by any path, and their rate.
// lift = take-up rate of the customers reached (all channels) - control take-up rate.
#pragma once

#include <ehall/report.hpp>

namespace ehall::offers {

ReportSpec offers_report_spec();

ReportResult offers_report(const ReportRequest& request, ReportData& data);

}  // namespace ehall::offers
