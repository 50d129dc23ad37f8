// GET /: who is logged in, their balance, amount due, points and e-coins, the services
// enabled on the web, and the home banner when a plugin places content there (DESIGN §8:
// a recommended offer, a contact that obeys the caps and TD).
#include <ehall/masking.hpp>
#include "channels/web/customer_summary.hpp"
#include "channels/web/web_pages.hpp"
#include "gateway/base/yuan.hpp"
#include "gateway/html/html_response.hpp"

namespace ehall {

namespace {

// The enabled operations grouped by plugin, in manifest order.
nlohmann::json service_groups(const std::vector<AvailableOperation>& operations) {
    nlohmann::json groups = nlohmann::json::array();
    const Manifest* current = nullptr;
    for (const auto& available : operations) {
        if (available.operation->contextual)
            continue;  // offered where its context is (an offer's buttons), not as a tile
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

// The banner's actions as forms: each posts its params to the operation's page, the first
// one as the primary button.
nlohmann::json banner(nlohmann::json content) {
    nlohmann::json forms = nlohmann::json::array();
    const nlohmann::json actions = content.value("actions", nlohmann::json::array());
    for (const auto& action : actions) {
        // A local, not value(...).items(): a range over a member of a temporary dangles.
        const nlohmann::json params = action.value("params", nlohmann::json::object());
        nlohmann::json fields = nlohmann::json::array();
        for (const auto& [name, value] : params.items()) {
            fields.push_back(
                {{"name", name},
                 {"value", value.is_string() ? value.get<std::string>() : value.dump()}});
        }
        forms.push_back({{"label", action.value("label", "")},
                         {"href", "/services/" + action.value("plugin", "") + "/" +
                                      action.value("operation", "")},
                         {"fields", std::move(fields)},
                         {"primary", forms.empty()}});
    }
    content["forms"] = std::move(forms);
    return content;
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
                        {"points_balance", summary->points_balance},
                        {"ecoins_balance", summary->ecoins_balance}};
    data["groups"] = service_groups(dispatcher_.enabled_operations("web"));
    ServiceRequest where;
    where.channel = "web";
    where.customer = session->msisdn;
    where.session_id = session->session_id;
    where.request_id = exchange.request_id;
    placement_slot_.fill(where, slot_web_home,
                         [this, data = std::move(data),
                          reply = std::move(reply)](std::optional<nlohmann::json> content) mutable {
                             if (content)
                                 data["offer"] = banner(std::move(*content));
                             reply(page(http::status::ok, "home_page", data));
                         });
}

}  // namespace ehall
