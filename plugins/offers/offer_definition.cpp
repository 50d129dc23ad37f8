#include "offer_definition.hpp"

#include <algorithm>
#include <chrono>
#include <regex>
#include <stdexcept>

#include "offer_catalog.hpp"

namespace ehall::offers {

namespace {

const std::regex kOfferId("[A-Z0-9_]{1,16}");
const std::regex kName("[a-z0-9_]{1,32}");
const std::regex kHeldCheck("([a-z0-9_]{1,32}\\.[a-z0-9_]{1,32}:[a-z0-9_]{1,32})?");

std::size_t characters(const std::string& utf8) {
    std::size_t count = 0;
    for (char c : utf8)
        count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return count;
}

bool is_date(const nlohmann::json& value) {
    if (!value.is_string())
        return false;
    const auto& text = value.get_ref<const std::string&>();
    static const std::regex shape("\\d{4}-\\d{2}-\\d{2}");
    if (!std::regex_match(text, shape))
        return false;
    using namespace std::chrono;
    return year_month_day{year{std::stoi(text.substr(0, 4))},
                          month{static_cast<unsigned>(std::stoi(text.substr(5, 2)))},
                          day{static_cast<unsigned>(std::stoi(text.substr(8, 2)))}}
        .ok();
}

std::optional<std::string> check_text(const nlohmann::json& offer, const char* key,
                                      std::size_t max_chars) {
    auto value = offer.value(key, nlohmann::json());
    if (!value.is_string() || value.get_ref<const std::string&>().empty() ||
        characters(value.get<std::string>()) > max_chars)
        return std::string("key '") + key + "': expected a text of 1-" + std::to_string(max_chars) +
               " characters";
    return std::nullopt;
}

std::optional<std::string> check_names(const nlohmann::json& list, const char* key) {
    if (!list.is_array())
        return std::string("key '") + key + "': expected a list of texts";
    for (const auto& item : list) {
        if (!item.is_string() || item.get_ref<const std::string&>().empty() ||
            item.get_ref<const std::string&>().find(',') != std::string::npos)
            return std::string("key '") + key + "': expected non-empty texts without commas";
    }
    return std::nullopt;
}

std::optional<std::string> check_integer(const nlohmann::json& offer, const char* key,
                                         std::int64_t min, std::int64_t max) {
    const auto& value = offer.at(key);
    if (!value.is_number_integer() || value.get<std::int64_t>() < min ||
        value.get<std::int64_t>() > max)
        return std::string("key '") + key + "': expected a whole number from " +
               std::to_string(min) + " to " + std::to_string(max);
    return std::nullopt;
}

std::string joined(const nlohmann::json& list) {
    std::string out;
    for (const auto& item : list)
        out.append(out.empty() ? "" : ",").append(item.get<std::string>());
    return out;
}

nlohmann::json offer_json(const Row& row) {
    return {{"id", row.text("id")},
            {"title", row.text("title")},
            {"sms_text", row.text("sms_text")},
            {"web_text", row.text("web_text")},
            {"segment_tags", comma_list(row.text("segment_tags"))},
            {"brands", comma_list(row.text("brands"))},
            {"starts_on", row.text("starts_on")},
            {"ends_on", row.text("ends_on")},
            {"priority", row.integer("priority")},
            {"target",
             {{"plugin", row.text("target_plugin")},
              {"operation", row.text("target_operation")},
              {"params", nlohmann::json::parse(row.text("target_params"), nullptr, false)}}},
            {"held_check", row.text("held_check")},
            {"control_percent", row.integer("control_percent")},
            {"status", row.text("status")}};
}

}  // namespace

std::optional<std::string> validate_offer(nlohmann::json& offer) {
    if (!offer.is_object())
        return "expected a JSON object";
    static const std::vector<std::string> known = {
        "id",      "title",    "sms_text", "web_text",   "segment_tags",    "brands", "starts_on",
        "ends_on", "priority", "target",   "held_check", "control_percent", "status"};
    for (const auto& [key, value] : offer.items()) {
        if (std::find(known.begin(), known.end(), key) == known.end())
            return "unknown key '" + key + "'";
    }
    auto id = offer.value("id", nlohmann::json());
    if (!id.is_string() || !std::regex_match(id.get<std::string>(), kOfferId))
        return "key 'id': expected 1-16 of A-Z, 0-9, _";
    struct TextLimit {
        const char* key;
        std::size_t max_chars;
    };
    for (const TextLimit& limit :
         {TextLimit{"title", 32}, TextLimit{"sms_text", 60}, TextLimit{"web_text", 300}}) {
        if (auto problem = check_text(offer, limit.key, limit.max_chars))
            return problem;
    }
    offer.emplace("segment_tags", nlohmann::json::array());
    offer.emplace("brands", nlohmann::json::array());
    offer.emplace("priority", 0);
    offer.emplace("held_check", "");
    offer.emplace("control_percent", 0);
    offer.emplace("status", "active");
    for (const char* key : {"segment_tags", "brands"}) {
        if (auto problem = check_names(offer[key], key))
            return problem;
    }
    for (const auto& brand : offer["brands"]) {
        if (brand != "全球通" && brand != "动感地带" && brand != "神州行")
            return "key 'brands': expected 全球通, 动感地带 or 神州行";
    }
    if (!is_date(offer.value("starts_on", nlohmann::json())) ||
        !is_date(offer.value("ends_on", nlohmann::json())) ||
        offer["ends_on"].get<std::string>() < offer["starts_on"].get<std::string>())
        return "keys 'starts_on', 'ends_on': expected dates YYYY-MM-DD, ends_on not before "
               "starts_on";
    if (auto problem = check_integer(offer, "priority", 0, 1000))
        return problem;
    if (auto problem = check_integer(offer, "control_percent", 0, 50))
        return problem;
    const auto target = offer.value("target", nlohmann::json());
    if (!target.is_object() || !target.value("plugin", nlohmann::json()).is_string() ||
        !target.value("operation", nlohmann::json()).is_string() ||
        !std::regex_match(target["plugin"].get<std::string>(), kName) ||
        !std::regex_match(target["operation"].get<std::string>(), kName) ||
        !target.value("params", nlohmann::json::object()).is_object())
        return "key 'target': expected {\"plugin\", \"operation\", \"params\": {...}}";
    if (!offer["held_check"].is_string() ||
        !std::regex_match(offer["held_check"].get<std::string>(), kHeldCheck))
        return "key 'held_check': expected plugin.operation:field or empty";
    if (offer["status"] != "active" && offer["status"] != "paused")
        return "key 'status': expected active or paused";
    return std::nullopt;
}

std::optional<nlohmann::json> stored_offer(Transaction& tx, const std::string& id) {
    auto rows = tx.query("SELECT * FROM offers WHERE id = ?", {id});
    if (rows.empty())
        return std::nullopt;
    return offer_json(rows.front());
}

nlohmann::json stored_offers(Transaction& tx) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& row : tx.query("SELECT * FROM offers ORDER BY priority DESC, id"))
        list.push_back(offer_json(row));
    return list;
}

void save_offer(Transaction& tx, const nlohmann::json& offer, std::int64_t now_ms) {
    const auto& target = offer["target"];
    tx.execute(
        "INSERT INTO offers (id, title, sms_text, web_text, segment_tags, brands, "
        "starts_on, ends_on, priority, target_plugin, target_operation, target_params, "
        "control_percent, status, held_check, updated_ms) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET title = excluded.title, sms_text = excluded.sms_text, "
        "web_text = excluded.web_text, segment_tags = excluded.segment_tags, "
        "brands = excluded.brands, starts_on = excluded.starts_on, ends_on = excluded.ends_on, "
        "priority = excluded.priority, target_plugin = excluded.target_plugin, "
        "target_operation = excluded.target_operation, target_params = excluded.target_params, "
        "control_percent = excluded.control_percent, status = excluded.status, "
        "held_check = excluded.held_check, updated_ms = excluded.updated_ms",
        {offer["id"].get<std::string>(), offer["title"].get<std::string>(),
         offer["sms_text"].get<std::string>(), offer["web_text"].get<std::string>(),
         joined(offer["segment_tags"]), joined(offer["brands"]),
         offer["starts_on"].get<std::string>(), offer["ends_on"].get<std::string>(),
         offer["priority"].get<std::int64_t>(), target["plugin"].get<std::string>(),
         target["operation"].get<std::string>(),
         target.value("params", nlohmann::json::object()).dump(),
         offer["control_percent"].get<std::int64_t>(), offer["status"].get<std::string>(),
         offer["held_check"].get<std::string>(), now_ms});
}

int add_missing_offers(Store& store, const nlohmann::json& document, std::int64_t now_ms) {
    if (!document.is_object() || !document.value("offers", nlohmann::json()).is_array())
        throw std::runtime_error("expected {\"offers\": [...]}");
    std::vector<nlohmann::json> offers;
    for (auto offer : document["offers"]) {
        if (auto problem = validate_offer(offer))
            throw std::runtime_error("offer " + (offer.contains("id") ? offer["id"].dump() : "?") +
                                     ": " + *problem);
        offers.push_back(std::move(offer));
    }
    int added = 0;
    store.write([&](Transaction& tx) {
        for (const auto& offer : offers) {
            if (!stored_offer(tx, offer["id"].get<std::string>())) {
                save_offer(tx, offer, now_ms);
                ++added;
            }
        }
    });
    return added;
}

}  // namespace ehall::offers
