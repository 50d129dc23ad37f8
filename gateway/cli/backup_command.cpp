#include "gateway/cli/backup_command.hpp"

#include <iostream>

#include "gateway/cli/config_options.hpp"
#include "gateway/cli/parsed_options.hpp"
#include "gateway/cli/sqlite_file_commands.hpp"
#include "gateway/store/online_backup.hpp"

namespace ehall {

namespace po = boost::program_options;

int run_backup_command(const std::vector<std::string>& args) {
    po::options_description options(
        "ehall backup --to DIR [options]\n\n"
        "Copies ehall.db and journal.db from the data directory into DIR (created if\n"
        "missing; existing copies are never overwritten) with SQLite's online backup API,\n"
        "safe while the gateway is serving, and checks each copy with integrity_check");
    options.add_options()("help,h", "show this help")("to", po::value<std::string>(),
                                                      "directory for the copies");
    add_config_options(options);
    const auto parsed = parse_options_or_help(args, options);
    if (!parsed)
        return 0;
    const po::variables_map& vm = *parsed;
    if (!vm.count("to")) {
        std::cerr << "ehall backup: --to DIR is required\n\n" << options << "\n";
        return 2;
    }
    const Config config = config_from(vm);
    if (refused_on_postgresql(config, "backup",
                              "back the database up with pg_dump or PITR (docs/operations.md)"))
        return 2;
    const std::filesystem::path target = vm["to"].as<std::string>();
    std::filesystem::create_directories(target);
    for (const char* name : {"ehall.db", "journal.db"}) {
        try {
            const auto copy = backup_database(config.data_dir / name, target / name);
            std::cout << "backed up " << name << ": " << copy.pages << " pages, " << copy.bytes
                      << " bytes, integrity ok\n";
        } catch (const BackupError& e) {
            std::cerr << "ehall backup: " << e.what() << "\n";
            return 1;
        }
    }
    return 0;
}

}  // namespace ehall
