#include "gateway/cli/config_options.hpp"

namespace ehall {

namespace po = boost::program_options;

void add_config_options(po::options_description& options) {
    options.add_options()("config", po::value<std::string>()->default_value("config/ehall.json"),
                          "config file")("data-dir", po::value<std::string>(),
                                         "data directory (EHALL_DATA_DIR)");
}

Config config_from(const po::variables_map& vm) {
    auto env = ehall_environment();
    if (vm.count("data-dir"))
        env["EHALL_DATA_DIR"] = vm["data-dir"].as<std::string>();
    return load_config(vm["config"].as<std::string>(), env);
}

}  // namespace ehall
