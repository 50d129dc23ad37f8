// The frame every analyst page shares (templates/shared/layout.mustache): its title, the site's
// name and where its home link points.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace ehall::analytics {

inline nlohmann::json analyst_page_frame(const std::string& title) {
    return {{"title", title}, {"site_name", "渠道分流分析"}, {"home_href", "/analytics"}};
}

}  // namespace ehall::analytics
