#include "gateway/cli/parsed_options.hpp"

#include <iostream>

namespace ehall {

namespace po = boost::program_options;

std::optional<po::variables_map> parse_options_or_help(const std::vector<std::string>& args,
                                                       const po::options_description& options) {
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(options).run(), vm);
    po::notify(vm);
    if (vm.count("help")) {
        std::cout << options << "\n";
        return std::nullopt;
    }
    return vm;
}

}  // namespace ehall
