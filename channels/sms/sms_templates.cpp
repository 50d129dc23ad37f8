#include "channels/sms/sms_templates.hpp"

#include <kainjow/mustache.hpp>
#include <stdexcept>
#include <unordered_map>

#include "gateway/html/mustache_data.hpp"
#include "gateway/html/template_files.hpp"

namespace ehall::sms {

namespace mustache = kainjow::mustache;

namespace {

std::string plain(const std::string& text) {
    return text;
}

// `text` parsed, once per thread: a mustache object is not safe to share between threads,
// and parsing on every reply cost more than rendering.
mustache::mustache& parsed(const std::string& text) {
    thread_local std::unordered_map<std::string, mustache::mustache> by_text;
    auto [it, added] = by_text.try_emplace(text, text);
    if (added)
        it->second.set_custom_escape(plain);
    return it->second;
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
                           const std::vector<std::string>& required)
    : texts_(read_template_files(dir)) {
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
    return render_text(it->second, data);
}

std::string SmsTemplates::render_text(const std::string& text, const nlohmann::json& data) const {
    return without_final_newlines(parsed(text).render(to_mustache_data(data)));
}

}  // namespace ehall::sms
