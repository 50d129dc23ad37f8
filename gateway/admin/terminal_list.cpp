#include "gateway/admin/terminal_list.hpp"

#include <ehall/clock.hpp>
#include "channels/kiosk/cash_box.hpp"

namespace ehall {

namespace {

constexpr std::int64_t stale_after_ms = 5 * 60 * 1000;

}  // namespace

nlohmann::json list_terminals(Store& store, std::int64_t now_ms) {
    nlohmann::json list = nlohmann::json::array();
    store.read([&](Transaction& tx) {
        for (const auto& row :
             tx.query("SELECT id, hall, location, status, last_seen_ms, device_json FROM terminals "
                      "ORDER BY id")) {
            const bool seen = !row.is_null("last_seen_ms");
            const std::int64_t last_seen = row.integer("last_seen_ms");
            auto device = nlohmann::json::parse(row.text("device_json"), nullptr, false);
            list.push_back({{"id", row.text("id")},
                            {"hall", row.text("hall")},
                            {"location", row.text("location")},
                            {"status", row.text("status")},
                            {"last_seen", seen ? shanghai_datetime(last_seen) : ""},
                            {"stale", !seen || now_ms - last_seen > stale_after_ms},
                            {"device", device},
                            {"cash", cash_box_figures(tx, row.text("id"), device).to_json()}});
        }
    });
    return list;
}

}  // namespace ehall
