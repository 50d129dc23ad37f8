#include "channels/sms/sms_templates.hpp"

#include <fstream>
#include <kainjow/mustache.hpp>
#include <sstream>
#include <stdexcept>

namespace ehall::sms {

namespace mustache = kainjow::mustache;

namespace {

mustache::data to_data(const nlohmann::json& value) {
    switch (value.type()) {
        case nlohmann::json::value_t::object: {
            mustache::data object{mustache::data::type::object};
            for (const auto& [key, item] : value.items())
                object.set(key, to_data(item));
            return object;
        }
        case nlohmann::json::value_t::array: {
            mustache::data list{mustache::data::type::list};
            for (const auto& item : value)
                list.push_back(to_data(item));
            return list;
        }
        case nlohmann::json::value_t::string:
            return mustache::data(value.get<std::string>());
        case nlohmann::json::value_t::boolean:
            return mustache::data(value.get<bool>());
        case nlohmann::json::value_t::null:
        case nlohmann::json::value_t::discarded:
            return mustache::data(false);
        default:
            return mustache::data(value.dump());
    }
}

std::string plain(const std::string& text) {
    return text;
}

// Template files end in a newline that is not part of the SMS.
std::string without_final_newlines(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
        text.pop_back();
    return text;
}

}  // namespace

const std::vector<std::string>& sms_hall_templates() {
    static const std::vector<std::string> names = {
        "help",       "usage",        "confirm",    "no_pending",   "confirm_expired",
        "cancelled",  "opt_out",      "opt_in",     "not_customer", "invalid_sender",
        "unreadable", "rate_limited", "processing", "error",        "done"};
    return names;
}

SmsTemplates::SmsTemplates(const std::filesystem::path& dir,
                           const std::vector<std::string>& required) {
    if (!std::filesystem::is_directory(dir))
        throw std::runtime_error("SMS templates: no directory " + dir.string());
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".mustache")
            continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        mustache::mustache parsed(text.str());
        if (!parsed.is_valid()) {
            throw std::runtime_error("SMS template " + entry.path().string() + ": " +
                                     parsed.error_message());
        }
        texts_[entry.path().stem().string()] = text.str();
    }
    std::string missing;
    for (const auto& name : required) {
        if (!has(name))
            missing.append(missing.empty() ? "" : ", ").append(name);
    }
    if (!missing.empty())
        throw std::runtime_error("SMS templates missing in " + dir.string() + ": " + missing);
}

SmsTemplates::SmsTemplates(std::map<std::string, std::string, std::less<>> texts)
    : texts_(std::move(texts)) {}

bool SmsTemplates::has(std::string_view name) const {
    return texts_.find(name) != texts_.end();
}

std::string SmsTemplates::render(std::string_view name, const nlohmann::json& data) const {
    auto it = texts_.find(name);
    if (it == texts_.end())
        throw std::out_of_range("no SMS template " + std::string(name));
    // Parsed per render: a mustache object is not safe to share between threads, and
    // these texts are a few dozen characters.
    mustache::mustache tmpl(it->second);
    tmpl.set_custom_escape(plain);
    return without_final_newlines(tmpl.render(to_data(data)));
}

}  // namespace ehall::sms
