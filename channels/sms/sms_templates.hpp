// The SMS reply texts: templates/sms/<name>.mustache (kainjow mustache), read once at
// start-up. Plugins' manifests name their result templates; the SMS hall's own texts
// (help, confirmations, errors) live in the same folder. Values are not HTML-escaped:
// an SMS is plain text.
#pragma once

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace ehall::sms {

class SmsTemplates {
  public:
    // Reads every *.mustache in `dir`. Throws std::runtime_error naming the file when one
    // does not parse, or naming the missing ones among `required`.
    SmsTemplates(const std::filesystem::path& dir, const std::vector<std::string>& required);
    // From texts in memory (tests).
    explicit SmsTemplates(std::map<std::string, std::string, std::less<>> texts);

    bool has(std::string_view name) const;
    // Renders template `name` with `data` (a JSON object). Throws std::out_of_range when
    // there is no such template.
    std::string render(std::string_view name, const nlohmann::json& data) const;
    // Renders a template given as text (a plugin's own reply).
    std::string render_text(const std::string& text, const nlohmann::json& data) const;

  private:
    std::map<std::string, std::string, std::less<>> texts_;
};

// The SMS hall's own templates, which must exist for it to start.
const std::vector<std::string>& sms_hall_templates();

}  // namespace ehall::sms
