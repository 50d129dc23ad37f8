// A database URL as it may be shown: in logs, errors and start-up messages.
#pragma once

#include <string>
#include <string_view>

namespace ehall {

// `url` with any password replaced by "***"; text that is not a URL comes back as "(url)".
std::string without_password(std::string_view url);

}  // namespace ehall
