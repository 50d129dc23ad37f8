// Log set-up: the service log on stderr, the access log (one JSON object a line) on
// stdout through an async logger that drops its oldest lines rather than slow requests.
#pragma once

#include <string>

namespace ehall {

void setup_logging(const std::string& level, bool access_log);

}  // namespace ehall
