#include "offer_catalog.hpp"

#include <algorithm>
#include <sstream>

#include <ehall/clock.hpp>

namespace ehall::offers {

std::vector<std::string> comma_list(const std::string& text) {
    std::vector<std::string> items;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ',')) {
        if (!item.empty())
            items.push_back(item);
    }
    return items;
}

namespace {

bool contains(const std::vector<std::string>& items, const std::string& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

Offer offer_from(const Row& row) {
    Offer offer;
    offer.id = row.text("id");
    offer.title = row.text("title");
    offer.sms_text = row.text("sms_text");
    offer.web_text = row.text("web_text");
    offer.priority = static_cast<int>(row.integer("priority"));
    offer.target_plugin = row.text("target_plugin");
    offer.target_operation = row.text("target_operation");
    offer.target_params = nlohmann::json::parse(row.text("target_params"), nullptr, false);
    if (!offer.target_params.is_object())
        offer.target_params = nlohmann::json::object();
    offer.held_check = row.text("held_check");
    offer.control_percent = static_cast<int>(row.integer("control_percent"));
    return offer;
}

}  // namespace

nlohmann::json Offer::public_json() const {
    return {
        {"id", id},
        {"title", title},
        {"sms_text", sms_text},
        {"web_text", web_text},
        {"accept", {{"plugin", "offers"}, {"operation", "accept"}, {"params", {{"offer", id}}}}},
        // What a placement offers to do with it (DESIGN §4a), the first the main action.
        {"actions",
         {{{"label", "立即办理"},
           {"plugin", "offers"},
           {"operation", "accept"},
           {"params", {{"offer", id}}}},
          {{"label", "不感兴趣"},
           {"plugin", "offers"},
           {"operation", "dismiss"},
           {"params", {{"offer", id}}}}}}};
}

std::vector<Offer> offers_for(Transaction& tx, const std::string& msisdn,
                              const std::string& today) {
    auto customer =
        tx.query("SELECT brand FROM customers WHERE msisdn = ? AND status = 'active'", {msisdn});
    if (customer.empty())
        return {};
    const std::string brand = customer.front().text("brand");
    std::vector<std::string> tags;
    for (const auto& row : tx.query("SELECT tag FROM segments WHERE msisdn = ?", {msisdn}))
        tags.push_back(row.text("tag"));
    std::vector<Offer> offers;
    for (const auto& row : tx.query(
             "SELECT * FROM offers WHERE status = 'active' AND starts_on <= ? AND ends_on >= ? "
             "ORDER BY priority DESC, id",
             {today, today})) {
        const auto brands = comma_list(row.text("brands"));
        if (!brands.empty() && !contains(brands, brand))
            continue;
        const auto wanted = comma_list(row.text("segment_tags"));
        if (!wanted.empty() && std::none_of(wanted.begin(), wanted.end(),
                                            [&](const auto& tag) { return contains(tags, tag); }))
            continue;
        offers.push_back(offer_from(row));
    }
    return offers;
}

std::optional<Offer> offer_for(Transaction& tx, const std::string& msisdn, const std::string& today,
                               const std::string& id) {
    for (auto& offer : offers_for(tx, msisdn, today)) {
        if (offer.id == id)
            return std::move(offer);
    }
    return std::nullopt;
}

bool offer_exists(Transaction& tx, const std::string& id) {
    return !tx.query("SELECT 1 AS x FROM offers WHERE id = ?", {id}).empty();
}

std::int64_t request_ms(const ServiceRequest& request) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               request.received_at.time_since_epoch())
        .count();
}

std::string request_day(const ServiceRequest& request) {
    return shanghai_datetime(request_ms(request)).substr(0, 10);
}

std::string request_month(const ServiceRequest& request) {
    return shanghai_month(request_ms(request));
}

}  // namespace ehall::offers
