#include "gateway/cli/offers_report_command.hpp"

#include <boost/program_options.hpp>
#include <iostream>
#include <regex>

#include "gateway/analytics/offers_report.hpp"
#include "gateway/config/config.hpp"

namespace ehall {

namespace po = boost::program_options;

int run_offers_report(const std::vector<std::string>& args) {
    po::options_description options("ehall report offers --month YYYY-MM [options]");
    options.add_options()("help,h", "show this help")("month", po::value<std::string>(),
                                                      "calendar month, Asia/Shanghai (YYYY-MM)")(
        "format", po::value<std::string>()->default_value("table"), "table, csv or json")(
        "config", po::value<std::string>()->default_value("config/ehall.json"), "config file")(
        "data-dir", po::value<std::string>(), "data directory (EHALL_DATA_DIR)");
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(options).run(), vm);
    po::notify(vm);
    if (vm.count("help")) {
        std::cout << options << "\n";
        return 0;
    }
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
    auto env = ehall_environment();
    if (vm.count("data-dir"))
        env["EHALL_DATA_DIR"] = vm["data-dir"].as<std::string>();
    const Config config = load_config(vm["config"].as<std::string>(), env);
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
