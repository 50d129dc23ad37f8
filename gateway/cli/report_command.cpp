#include "gateway/cli/report_command.hpp"

#include <functional>
#include <iostream>
#include <map>

#include "gateway/analytics/report_catalogue.hpp"
#include "gateway/cli/config_options.hpp"
#include "gateway/cli/offers_report_command.hpp"
#include "gateway/cli/parsed_options.hpp"

namespace ehall {

namespace po = boost::program_options;

namespace {

using ReportRunner = std::function<int(const std::vector<std::string>& args)>;

// Reports that parse their own options (same signature as run_report_command); one line
// each.
const std::vector<std::pair<std::string, ReportRunner>> own_runners = {
    {"offers", &run_offers_report}};

int run_catalogued(const analytics::ReportKind& kind, const std::vector<std::string>& args) {
    po::options_description options("ehall report " + std::string(kind.name) +
                                    " [options]: " + std::string(kind.summary));
    options.add_options()("help,h", "show this help")(
        "format", po::value<std::string>()->default_value("table"), "table, csv or json");
    for (const auto& option : kind.options)
        options.add_options()(option.name, po::value<std::string>(), option.help);
    add_config_options(options);
    const auto parsed = parse_options_or_help(args, options);
    if (!parsed)
        return 0;
    const po::variables_map& vm = *parsed;
    const std::string format = vm["format"].as<std::string>();
    if (format != "table" && format != "csv" && format != "json") {
        std::cerr << "--format '" << format << "' is not one of table, csv, json\n";
        return 2;
    }
    analytics::ReportParams params;
    for (const auto& option : kind.options) {
        if (vm.count(option.name))
            params[option.name] = vm[option.name].as<std::string>();
    }
    const Config config = config_from(vm);
    nlohmann::json report;
    try {
        report = analytics::run_report(kind, config.data_dir, params);
    } catch (const analytics::ReportInputError& e) {
        std::cerr << "ehall report " << kind.name << ": " << e.what() << "\n\n" << options << "\n";
        return 2;
    }
    if (format == "json")
        std::cout << report.dump(2) << "\n";
    else if (format == "csv")
        analytics::write_csv(std::cout, kind.table(report));
    else
        analytics::write_aligned(std::cout, kind.table(report));
    return 0;
}

std::map<std::string, ReportRunner> runners() {
    std::map<std::string, ReportRunner> table(own_runners.begin(), own_runners.end());
    for (const auto& kind : analytics::report_kinds())
        table.emplace(kind.name, [&kind](const auto& args) { return run_catalogued(kind, args); });
    return table;
}

void print_usage(const std::map<std::string, ReportRunner>& table) {
    std::cout << "usage: ehall report <report> [options] [--format table|csv|json]\n\nreports:\n";
    for (const auto& [name, runner] : table) {
        const auto* kind = analytics::find_report(name);
        std::cout << "  " << name << (kind ? "  " + std::string(kind->summary) : "") << "\n";
    }
    std::cout << "\nRun `ehall report <report> --help` for its options.\n";
}

}  // namespace

int run_report_command(const std::vector<std::string>& args) {
    const auto table = runners();
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        print_usage(table);
        return args.empty() ? 2 : 0;
    }
    const auto it = table.find(args[0]);
    if (it == table.end()) {
        std::cerr << "unknown report '" << args[0] << "'\n";
        print_usage(table);
        return 2;
    }
    return it->second(std::vector<std::string>(args.begin() + 1, args.end()));
}

}  // namespace ehall
