// Reading a folder of mustache templates, checked once at start-up.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>

namespace ehall {

using TemplateTexts = std::map<std::string, std::string, std::less<>>;

// Every `*.mustache` in `dir`, by file stem. Throws std::runtime_error naming the file
// when one does not parse, or the folder when it does not exist.
TemplateTexts read_template_files(const std::filesystem::path& dir);

}  // namespace ehall
