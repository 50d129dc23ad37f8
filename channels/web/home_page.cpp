// GET /: who is logged in, their balance, amount due, points and e-coins, the services
// enabled on the web, and the recommended-offer banner when there is one.
#include "channels/kiosk/kiosk_masking.hpp"
#include "channels/sms/yuan.hpp"
#include "channels/web/customer_summary.hpp"
#include "channels/web/web_pages.hpp"
#include "gateway/html/html_response.hpp"

namespace ehall {

namespace {

// The enabled operations grouped by plugin, in manifest order.
nlohmann::json service_groups(const std::vector<AvailableOperation>& operations) {
    nlohmann::json groups = nlohmann::json::array();
    const Manifest* current = nullptr;
    for (const auto& available : operations) {
        if (available.plugin != current) {
            current = available.plugin;
            groups.push_back({{"name", current->name}, {"services", nlohmann::json::array()}});
        }
        groups.back()["services"].push_back(
            {{"title", available.operation->title},
             {"href", "/services/" + current->id + "/" + available.operation->name}});
    }
    return groups;
}

}  // namespace

HttpResponse WebPages::home(const Exchange& exchange) {
    auto session = page_session(exchange);
    if (!session)
        return see_other("/login");
    auto summary = read_customer_summary(store_, session->msisdn);
    if (!summary)
        return message_page(http::status::not_found, &*session, "未找到", "未找到该号码的账户。");
    nlohmann::json data = frame(*session, "首页", "/");
    data["customer"] = {{"name", mask_name(summary->name)},
                        {"msisdn", mask_msisdn(session->msisdn)},
                        {"brand", summary->brand},
                        {"balance_yuan", sms::format_yuan(summary->balance_fen)},
                        {"due_yuan", sms::format_yuan(summary->due_fen)},
                        {"has_due", summary->due_fen > 0},
                        {"points", summary->points},
                        {"ecoins", summary->ecoins}};
    data["groups"] = service_groups(dispatcher_.enabled_operations("web"));
    if (offer_banner_) {
        if (auto offer = offer_banner_(*session))
            data["offer"] = std::move(*offer);
    }
    return page(http::status::ok, "home_page", data);
}

}  // namespace ehall
