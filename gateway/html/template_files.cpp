#include "gateway/html/template_files.hpp"

#include <fstream>
#include <kainjow/mustache.hpp>
#include <sstream>
#include <stdexcept>

namespace ehall {

TemplateTexts read_template_files(const std::filesystem::path& dir) {
    if (!std::filesystem::is_directory(dir))
        throw std::runtime_error("templates: no directory " + dir.string());
    TemplateTexts texts;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".mustache")
            continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        kainjow::mustache::mustache parsed(text.str());
        if (!parsed.is_valid()) {
            throw std::runtime_error("template " + entry.path().string() + ": " +
                                     parsed.error_message());
        }
        texts[entry.path().stem().string()] = text.str();
    }
    return texts;
}

}  // namespace ehall
