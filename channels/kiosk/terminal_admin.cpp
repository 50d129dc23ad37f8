#include "channels/kiosk/terminal_admin.hpp"

#include <chrono>

#include <ehall/clock.hpp>

namespace ehall {

namespace {

constexpr std::chrono::hours activation_validity{24};

ServiceResult no_such_terminal() {
    return ServiceResult::error("not_found", "no such terminal");
}

}  // namespace

ServiceResult TerminalAdmin::create(const std::string& id, const std::string& hall,
                                    const std::string& location, const std::string& actor) {
    if (!valid_terminal_id(id) || !valid_terminal_id(hall) || location.size() > 200) {
        return ServiceResult::error("bad_request",
                                    "expected {\"id\", \"hall\": 1-32 of [A-Za-z0-9_-], "
                                    "\"location\": up to 200 bytes}");
    }
    auto created = registry_.create(id, hall, location, actor);
    if (!created)
        return ServiceResult::error("already_exists", "terminal id already taken");
    // The only time the key leaves the gateway, with rotate.
    return ServiceResult::ok({{"terminal", created->public_json()}, {"key", created->key}});
}

ServiceResult TerminalAdmin::rotate(const std::string& id, const std::string& actor) {
    auto rotated = registry_.rotate_key(id, actor);
    if (!rotated)
        return no_such_terminal();
    return ServiceResult::ok({{"terminal", rotated->public_json()}, {"key", rotated->key}});
}

ServiceResult TerminalAdmin::set_enabled(const std::string& id, bool enabled,
                                         const std::string& actor) {
    auto changed = registry_.set_enabled(id, enabled, actor);
    if (!changed)
        return no_such_terminal();
    return ServiceResult::ok({{"terminal", changed->public_json()}});
}

ServiceResult TerminalAdmin::activation_code(const std::string& id, const std::string& actor) {
    auto issued = registry_.issue_activation_code(id, actor, activation_validity);
    if (!issued)
        return no_such_terminal();
    return ServiceResult::ok({{"terminal_id", id},
                              {"activation_code", issued->code},
                              {"expires_at", shanghai_datetime(issued->expires_ms)}});
}

ServiceResult TerminalAdmin::cash_collected(const std::string& id, std::int64_t counted_fen,
                                            const std::string& actor) {
    if (counted_fen < 0) {
        return ServiceResult::error(
            "bad_request", "expected {\"counted_fen\": the cash found in the box, whole fen}");
    }
    auto collection = registry_.record_cash_collection(id, counted_fen, actor);
    if (!collection)
        return no_such_terminal();
    return ServiceResult::ok(
        {{"terminal_id", id},
         {"collected_at", shanghai_datetime(collection->ts_ms)},
         {"counted_fen", collection->counted_fen},
         {"expected_fen", collection->expected_fen},
         {"difference_fen", collection->counted_fen - collection->expected_fen}});
}

}  // namespace ehall
