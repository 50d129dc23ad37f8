#include "gateway/cli/offers_report_command.hpp"

#include <boost/program_options.hpp>
#include <iostream>
#include <regex>

#include "gateway/analytics/offers_report.hpp"
#include "gateway/cli/config_options.hpp"
#include "gateway/cli/parsed_options.hpp"

namespace ehall {

namespace po = boost::program_options;

int run_offers_report(const std::vector<std::string>& args) {
    po::options_description options("ehall report offers --month YYYY-MM [options]");
    options.add_options()("help,h", "show this help")("month", po::value<std::string>(),
                                                      "calendar month, Asia/Shanghai (YYYY-MM)")(
        "format", po::value<std::string>()->default_value("table"), "table, csv or json");
    add_config_options(options);
    const auto parsed = parse_options_or_help(args, options);
    if (!parsed)
        return 0;
    const po::variables_map& vm = *parsed;
    static const std::regex month_shape("\\d{4}-(0[1-9]|1[0-2])");
    const std::string month = vm.count("month") ? vm["month"].as<std::string>() : "";
    if (!std::regex_match(month, month_shape)) {
        std::cerr << "ehall report offers: --month YYYY-MM is required\n" << options << "\n";
        return 2;
    }
    const std::string format = vm["format"].as<std::string>();
    if (format != "table" && format != "csv" && format != "json") {
        std::cerr << "ehall report offers: --format must be table, csv or json\n";
        return 2;
    }
    const Config config = config_from(vm);
    const auto store_db = config.data_dir / "ehall.db";
    if (!std::filesystem::exists(store_db)) {
        std::cerr << "ehall report offers: no store at " << store_db << "\n";
        return 1;
    }
    auto report = offers_report(store_db, config.data_dir / "journal.db", month);
    if (format == "json")
        std::cout << offers_report_json(report).dump(2) << "\n";
    else if (format == "csv")
        std::cout << offers_report_csv(report);
    else
        std::cout << offers_report_table(report);
    return 0;
}

}  // namespace ehall
