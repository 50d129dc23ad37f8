// `ehall terminals list`: kiosk terminals with their last heartbeat, device status, a stale
// flag and the cash their box should hold beside the count they reported, through a
// running gateway's admin API, or with --offline from the store.
#pragma once

#include <string>
#include <vector>

namespace ehall {

int run_terminals_command(const std::vector<std::string>& args);

}  // namespace ehall
