// The offer catalog (table `offers`, managed by ops with the admin operations) as the
// plugin reads it, and which offers target a customer: status active, today (Asia/Shanghai)
// within the offer's period, the customer's brand listed (or none listed), one of the
// customer's segment tags listed (or none listed).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <ehall/plugin.hpp>

namespace ehall::offers {

struct Offer {
    std::string id;
    std::string title;
    std::string sms_text;
    std::string web_text;
    int priority = 0;
    std::string target_plugin;
    std::string target_operation;
    nlohmann::json target_params = nlohmann::json::object();
    std::string held_check;  // "plugin.operation:field" answering whether the product is held
    int control_percent = 0;

    // What channels show: id, title, texts, and how to accept it.
    nlohmann::json public_json() const;
};

// The offers targeting `msisdn` on `today` (YYYY-MM-DD), highest priority first.
std::vector<Offer> offers_for(Transaction& tx, const std::string& msisdn, const std::string& today);

// The one of offers_for() with `id`, if any.
std::optional<Offer> offer_for(Transaction& tx, const std::string& msisdn, const std::string& today,
                               const std::string& id);

bool offer_exists(Transaction& tx, const std::string& id);

// Segment tags and brands as stored: "a,,b" -> {"a", "b"}.
std::vector<std::string> comma_list(const std::string& text);

// YYYY-MM-DD and YYYY-MM of a request, in Asia/Shanghai.
std::string request_day(const ServiceRequest& request);
std::string request_month(const ServiceRequest& request);
std::int64_t request_ms(const ServiceRequest& request);

}  // namespace ehall::offers
