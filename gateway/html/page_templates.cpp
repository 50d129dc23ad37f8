#include "gateway/html/page_templates.hpp"

#include <kainjow/mustache.hpp>
#include <stdexcept>

#include "gateway/html/mustache_data.hpp"

namespace ehall {

namespace mustache = kainjow::mustache;

PageTemplates::PageTemplates(const std::filesystem::path& root, std::string_view area)
    : area_(read_template_files(root / area)), shared_(read_template_files(root / "shared")) {}

PageTemplates::PageTemplates(TemplateTexts area, TemplateTexts shared)
    : area_(std::move(area)), shared_(std::move(shared)) {}

bool PageTemplates::has(std::string_view name) const {
    return area_.find(name) != area_.end() || shared_.find(name) != shared_.end();
}

const std::string& PageTemplates::text(std::string_view name) const {
    if (auto it = area_.find(name); it != area_.end())
        return it->second;
    if (auto it = shared_.find(name); it != shared_.end())
        return it->second;
    throw std::out_of_range("no page template " + std::string(name));
}

std::string PageTemplates::render(std::string_view name, const nlohmann::json& data) const {
    // Parsed per render: a mustache object is not safe to share between threads.
    mustache::mustache tmpl(text(name));
    mustache::data context = to_mustache_data(data);
    // Partials: every shared template, and the area's templates named "_name". They replace
    // any data field of the same name: mustache would render such a string as a template.
    for (const auto* texts : {&shared_, &area_}) {
        for (const auto& [partial_name, partial_text] : *texts) {
            if (texts == &area_ && !partial_name.starts_with('_'))
                continue;
            const std::string* body = &partial_text;
            context.set(partial_name, mustache::partial([body] { return *body; }));
        }
    }
    return tmpl.render(context);
}

std::string PageTemplates::render_page(std::string_view name, const nlohmann::json& data) const {
    nlohmann::json page = data.is_object() ? data : nlohmann::json::object();
    page["content"] = render(name, data);
    return render("layout", page);
}

}  // namespace ehall
