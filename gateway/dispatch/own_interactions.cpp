#include "gateway/dispatch/own_interactions.hpp"

#include <algorithm>
#include <array>

namespace ehall {

namespace {

struct OwnInteraction {
    std::string_view plugin;
    std::string_view operation;
    std::string_view business = "other";
};

constexpr std::array own_interactions = {
    // Web and kiosk customers (channels/web/web_login, channels/kiosk/kiosk_customer).
    OwnInteraction{"session", "login"},
    OwnInteraction{"session", "code_login"},
    OwnInteraction{"session", "send_code"},
    OwnInteraction{"session", "logout"},
    // The kiosk API's own routes, journaled when refused (channels/kiosk/kiosk_api).
    OwnInteraction{"kiosk", "heartbeat"},
    OwnInteraction{"kiosk", "lookup", "bill_query"},  // a number's amount due, before cash
    OwnInteraction{"kiosk", "reprint"},
    OwnInteraction{"kiosk", "services"},
    // A kiosk's cash: intakes and the notes its acceptor reports (channels/kiosk/kiosk_cash).
    OwnInteraction{"kiosk", "cash_intake"},
    OwnInteraction{"kiosk", "cash_note"},
    // SMS turns (channels/sms/sms_api, sms_hall, command_runner).
    OwnInteraction{"sms", "mo"},
    OwnInteraction{"sms", "invalid_sender"},
    OwnInteraction{"sms", "rate_limited"},
    OwnInteraction{"sms", "unreadable"},
    OwnInteraction{"sms", "not_customer"},
    OwnInteraction{"sms", "help"},
    OwnInteraction{"sms", "unknown"},
    OwnInteraction{"sms", "usage"},
    OwnInteraction{"sms", "cancel"},
    OwnInteraction{"sms", "opt_out"},
    OwnInteraction{"sms", "opt_in"},
    OwnInteraction{"sms", "confirm_prompt"},
    OwnInteraction{"sms", "confirm"},
};

}  // namespace

bool is_own_family(std::string_view plugin) {
    return std::any_of(own_interactions.begin(), own_interactions.end(),
                       [&](const OwnInteraction& own) { return own.plugin == plugin; });
}

std::string_view own_business(std::string_view plugin, std::string_view operation) {
    for (const auto& own : own_interactions) {
        if (own.plugin == plugin && own.operation == operation)
            return own.business;
    }
    return "other";
}

bool is_own_interaction(std::string_view plugin, std::string_view operation) {
    return std::any_of(own_interactions.begin(), own_interactions.end(),
                       [&](const OwnInteraction& own) {
                           return own.plugin == plugin && own.operation == operation;
                       });
}

}  // namespace ehall
