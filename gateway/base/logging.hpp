// Log set-up: the service log on stderr, the access log (one JSON object a line) on
// stdout, buffered.
#pragma once

#include <string>

namespace ehall {

void setup_logging(const std::string& level, bool access_log);

}  // namespace ehall
