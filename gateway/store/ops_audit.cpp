#include "gateway/store/ops_audit.hpp"

#include <ehall/clock.hpp>

namespace ehall {

void record_audit(Transaction& tx, const std::string& actor, const std::string& action,
                  const std::string& target, const std::string& before_json,
                  const std::string& after_json) {
    tx.execute(
        "INSERT INTO ops_audit (ts_ms, actor, action, target, before_json, after_json) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {now_ms(), actor, action, target, before_json, after_json});
}

nlohmann::json list_audit(Store& store, std::size_t limit, const std::string& actor,
                          const std::string& target) {
    nlohmann::json entries = nlohmann::json::array();
    store.read([&](Transaction& tx) {
        auto rows = tx.query(
            "SELECT id, ts_ms, actor, action, target, before_json, after_json FROM ops_audit "
            "WHERE (? = '' OR actor = ?) AND (? = '' OR target = ?) ORDER BY id DESC LIMIT ?",
            {actor, actor, target, target, static_cast<std::int64_t>(limit)});
        for (const auto& row : rows) {
            auto parse = [](const std::string& text) {
                auto value = nlohmann::json::parse(text, nullptr, false);
                return value.is_discarded() ? nlohmann::json(text) : value;
            };
            entries.push_back({{"id", row.integer("id")},
                               {"ts_ms", row.integer("ts_ms")},
                               {"time", shanghai_datetime(row.integer("ts_ms"))},
                               {"actor", row.text("actor")},
                               {"action", row.text("action")},
                               {"target", row.text("target")},
                               {"before", parse(row.text("before_json"))},
                               {"after", parse(row.text("after_json"))}});
        }
    });
    return entries;
}

}  // namespace ehall
