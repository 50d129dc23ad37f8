// GET /: who is logged in, their balance, amount due, points and e-coins, the services
// enabled on the web, and the recommended-offer banner when the offers plugin pushes one
// (a contact: it obeys the caps and TD).
#include "channels/web/customer_summary.hpp"
#include "channels/web/web_pages.hpp"
#include "gateway/customer_masking.hpp"
#include "gateway/html/html_response.hpp"
#include "gateway/yuan.hpp"

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

void WebPages::home(const Exchange& exchange, Reply& reply) {
    auto session = page_session(exchange);
    if (!session)
        return reply(see_other("/login"));
    auto summary = read_customer_summary(store_, session->msisdn);
    if (!summary) {
        return reply(
            message_page(http::status::not_found, &*session, "未找到", "未找到该号码的账户。"));
    }
    nlohmann::json data = frame(*session, "首页", "/");
    data["customer"] = {{"name", mask_name(summary->name)},
                        {"msisdn", mask_msisdn(session->msisdn)},
                        {"brand", summary->brand},
                        {"balance_yuan", format_yuan(summary->balance_fen)},
                        {"due_yuan", format_yuan(summary->due_fen)},
                        {"has_due", summary->due_fen > 0},
                        {"points", summary->points},
                        {"ecoins", summary->ecoins}};
    data["groups"] = service_groups(dispatcher_.enabled_operations("web"));
    ServiceRequest where;
    where.channel = "web";
    where.customer = session->msisdn;
    where.session_id = session->session_id;
    where.request_id = exchange.request_id;
    offer_slot_.fill(where, placement_web_home,
                     [this, data = std::move(data),
                      reply = std::move(reply)](std::optional<nlohmann::json> offer) mutable {
                         if (offer)
                             data["offer"] = std::move(*offer);
                         reply(page(http::status::ok, "home_page", data));
                     });
}

}  // namespace ehall
