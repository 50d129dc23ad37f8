// The --config and --data-dir options of the offline commands (import, report, export),
// resolved as `serve` does: flag over EHALL_* environment over the file.
#pragma once

#include <boost/program_options.hpp>

#include "gateway/config/config.hpp"

namespace ehall {

void add_config_options(boost::program_options::options_description& options);
Config config_from(const boost::program_options::variables_map& vm);

}  // namespace ehall
