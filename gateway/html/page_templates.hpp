// HTML pages from templates/<area>/*.mustache (web, admin, analytics, kiosk). Values are
// HTML-escaped unless a template asks for `{{{raw}}}`, which is only for HTML the code
// built safely (a rendered fragment, an SVG chart). The shared folder templates/shared
// holds the partials every area may use (`{{> name}}`) and the default page layout; an
// area's own partials are named with a leading underscore (`{{> _offer_banner}}`).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "gateway/html/template_files.hpp"

namespace ehall {

class PageTemplates {
  public:
    // Reads templates/<area> and templates/shared under `root`. Throws std::runtime_error
    // naming the file that does not parse or the folder that is missing.
    PageTemplates(const std::filesystem::path& root, std::string_view area);
    // From texts in memory (tests): `area` templates and `shared` ones.
    PageTemplates(TemplateTexts area, TemplateTexts shared);

    bool has(std::string_view name) const;
    // Renders template `name` with `data` (a JSON object). Throws std::out_of_range when
    // there is no such template. Data fields must not be named like a partial (a shared
    // template or an area's "_name" template).
    std::string render(std::string_view name, const nlohmann::json& data) const;
    // Renders `name`, then the area's `layout` (else the shared one) with the same data plus
    // `content`, the rendered page body.
    std::string render_page(std::string_view name, const nlohmann::json& data) const;

  private:
    const std::string& text(std::string_view name) const;

    TemplateTexts area_;
    TemplateTexts shared_;
};

}  // namespace ehall
