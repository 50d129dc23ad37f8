// A slot where a channel shows content from the plugins (DESIGN §4a): the web login and home
// banner, the kiosk's identification popup, the SMS reply footer. The slot asks every plugin
// enabled on the channel whose manifest places content there, in start order, through the
// dispatcher (so the ask is journaled and obeys the plugin's own rules, such as contact caps
// and TD), and shows the first content it gets. Nothing to show, a plugin missing or failing:
// the channel shows nothing and carries on.
//
// A plugin that answers with `data.quiet_until_ms` (the customer's contacts are used up,
// which nothing can undo) is not asked about that customer again until then.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "gateway/dispatch/dispatcher.hpp"

namespace ehall {

inline constexpr std::string_view slot_web_login = "web_login";
inline constexpr std::string_view slot_web_home = "web_home";
inline constexpr std::string_view slot_kiosk_identify = "kiosk_identify";
inline constexpr std::string_view slot_sms_reply = "sms_reply";

class PlacementSlot {
  public:
    explicit PlacementSlot(Dispatcher& dispatcher) : dispatcher_(dispatcher) {}

    // The content ({"title", "web_text", "sms_text", "actions", ...}) or nothing; `done` is
    // called once, possibly on another thread. `where` gives channel, subchannel, terminal,
    // customer, session and request id; a plugin named in `where.plugin` (the one whose reply
    // the slot follows) is not asked. For an SMS footer, `max_sms_units` is the room left.
    using Done = std::function<void(std::optional<nlohmann::json> content)>;
    void fill(const ServiceRequest& where, std::string_view slot, Done done,
              std::optional<std::size_t> max_sms_units = std::nullopt);

  private:
    using Fillers = std::vector<Dispatcher::SlotFiller>;
    void ask(std::shared_ptr<const Fillers> fillers, std::size_t next,
             std::shared_ptr<const ServiceRequest> ask_template, Done done);
    bool quiet(const std::string& key, std::int64_t now_ms);
    void keep_quiet(const std::string& key, std::int64_t until_ms);

    Dispatcher& dispatcher_;
    std::mutex quiet_mutex_;
    std::unordered_map<std::string, std::int64_t> quiet_until_;  // plugin:customer -> UTC ms
};

}  // namespace ehall
