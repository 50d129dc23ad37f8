// A place where a channel may show a recommended offer (web login and home banner, kiosk
// identification popup, SMS reply footer). It asks the offers plugin's internal
// `impression` operation through the dispatcher, so the push is journaled (plugin offers,
// operation impression, the offer id, the channel) and obeys the plugin's enablement on the
// channel, the contact caps and TD. Nothing to show, the offers plugin missing or failing:
// the channel shows nothing and carries on.
//
// When the plugin answers with `data.quiet_until_ms` (the customer's monthly contacts are
// used up, which nothing can undo), the slot shows nothing to that customer until then
// without asking again.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "gateway/dispatcher.hpp"

namespace ehall {

inline constexpr std::string_view placement_web_login = "web_login";
inline constexpr std::string_view placement_web_home = "web_home";
inline constexpr std::string_view placement_kiosk_identify = "kiosk_identify";
inline constexpr std::string_view placement_sms_reply = "sms_reply";

class OfferSlot {
  public:
    explicit OfferSlot(Dispatcher& dispatcher) : dispatcher_(dispatcher) {}

    // The offer ({"id","title","sms_text","web_text","accept"}) or nothing; `done` is called
    // once, possibly on another thread. `where` gives channel, subchannel, terminal,
    // customer, session and request id. For an SMS footer, `max_sms_units` is the room left.
    using Done = std::function<void(std::optional<nlohmann::json> offer)>;
    void fill(const ServiceRequest& where, std::string_view placement, Done done,
              std::optional<std::size_t> max_sms_units = std::nullopt);

  private:
    bool quiet(const std::string& customer, std::int64_t now_ms);
    void keep_quiet(const std::string& customer, std::int64_t until_ms);

    Dispatcher& dispatcher_;
    std::mutex quiet_mutex_;
    std::unordered_map<std::string, std::int64_t> quiet_until_;  // customer -> UTC ms
};

}  // namespace ehall
