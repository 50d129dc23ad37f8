// Parsing a command's options, with the `--help` every command has.
#pragma once

#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

namespace ehall {

// Parses `args` against `options`; when --help is among them, prints `options` to stdout
// and returns nullopt (the command then exits 0). Throws boost::program_options::error.
std::optional<boost::program_options::variables_map> parse_options_or_help(
    const std::vector<std::string>& args,
    const boost::program_options::options_description& options);

}  // namespace ehall
