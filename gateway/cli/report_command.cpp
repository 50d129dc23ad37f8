#include "gateway/cli/report_command.hpp"

#include <iostream>
#include <memory>

#include "gateway/analytics/report_catalogue.hpp"
#include "gateway/cli/config_options.hpp"
#include "gateway/cli/parsed_options.hpp"
#include "gateway/host/plugin_host.hpp"

namespace ehall {

namespace po = boost::program_options;

namespace {

// The config the arguments name (--config, --data-dir), whatever else they hold: it says
// which plugin modules to load for their reports. Picked out by hand: the report's own
// options are not known before its plugin is loaded.
Config config_of(const std::vector<std::string>& args) {
    std::vector<std::string> config_args;
    for (std::size_t i = 0; i < args.size(); ++i) {
        for (const std::string name : {"--config", "--data-dir"}) {
            if (args[i] == name && i + 1 < args.size())
                config_args.insert(config_args.end(), {name, args[i + 1]});
            else if (args[i].starts_with(name + "="))
                config_args.push_back(args[i]);
        }
    }
    po::options_description options;
    add_config_options(options);
    po::variables_map vm;
    po::store(po::command_line_parser(config_args).options(options).run(), vm);
    return config_from(vm);
}

// The configured modules, loaded (never started) for their reports; one that cannot be
// loaded only lacks its reports.
std::vector<std::unique_ptr<PluginModule>> report_modules(const Config& config) {
    std::vector<std::unique_ptr<PluginModule>> modules;
    const auto dirs = configured_module_dirs(config);
    for (const auto& id : config.plugins.modules) {
        try {
            modules.push_back(PluginModule::load(find_module_file(dirs, id), id));
        } catch (const std::exception& e) {
            std::cerr << "plugin " << id << " left out: " << e.what() << "\n";
        }
    }
    return modules;
}

int run_catalogued(const analytics::ReportKind& kind, const std::vector<std::string>& args) {
    po::options_description options("ehall report " + std::string(kind.name) +
                                    " [options]: " + std::string(kind.summary));
    options.add_options()("help,h", "show this help")(
        "format", po::value<std::string>()->default_value("table"), "table, csv or json");
    for (const auto& option : kind.options) {
        auto* value = po::value<std::string>();
        if (option.flag)
            value->implicit_value("1")->zero_tokens();
        options.add_options()(option.name.c_str(), value, option.help.c_str());
    }
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
    analytics::ReportOutput report;
    try {
        report = kind.run({config.data_dir, config.store.url}, params);
    } catch (const analytics::ReportInputError& e) {
        std::cerr << "ehall report " << kind.name << ": " << e.what() << "\n\n" << options << "\n";
        return 2;
    } catch (const std::runtime_error& e) {
        std::cerr << "ehall report " << kind.name << ": " << e.what() << "\n";
        return 1;
    }
    if (format == "json")
        std::cout << report.json.dump(2) << "\n";
    else if (format == "csv")
        analytics::write_csv(std::cout, report.table);
    else
        analytics::write_aligned(std::cout, report.table);
    return 0;
}

void print_usage(const analytics::ReportCatalogue& reports) {
    std::cout << "usage: ehall report <report> [options] [--format table|csv|json]\n\nreports:\n";
    for (const auto& kind : reports.kinds())
        std::cout << "  " << kind.name << "  " << kind.summary << "\n";
    std::cout << "\nRun `ehall report <report> --help` for its options.\n";
}

}  // namespace

int run_report_command(const std::vector<std::string>& args) {
    const auto modules = report_modules(config_of(args));
    std::vector<PluginModule*> loaded;
    for (const auto& module : modules)
        loaded.push_back(module.get());
    const analytics::ReportCatalogue reports(loaded);
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        print_usage(reports);
        return args.empty() ? 2 : 0;
    }
    const analytics::ReportKind* kind = reports.find(args[0]);
    if (!kind) {
        std::cerr << "unknown report '" << args[0] << "'\n";
        print_usage(reports);
        return 2;
    }
    return run_catalogued(*kind, std::vector<std::string>(args.begin() + 1, args.end()));
}

}  // namespace ehall
