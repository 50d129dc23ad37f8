#include "gateway/cli/import_command.hpp"

#include <cstdio>
#include <iostream>

#include "gateway/analytics/event_import.hpp"
#include "gateway/analytics/pg_event_import.hpp"
#include "gateway/cli/config_options.hpp"

namespace ehall {

namespace po = boost::program_options;

namespace {

void print_result(const analytics::ImportResult& result, const std::string& kind,
                  const std::string& file) {
    for (const auto& bad : result.bad)
        std::cerr << file << ":" << bad.line << ": " << bad.reason << "\n";
    if (!result.committed) {
        std::cerr << "nothing imported: " << result.bad.size()
                  << " bad line(s); fix them or pass --skip-bad\n";
        return;
    }
    const double seconds = result.elapsed.count();
    std::printf("imported %zu %s from %s in %.2f s (%.0f rows/s)", result.imported, kind.c_str(),
                file.c_str(), seconds, seconds > 0 ? double(result.imported) / seconds : 0.0);
    if (!result.bad.empty())
        std::printf("; skipped %zu bad line(s)", result.bad.size());
    std::printf("\n");
    if (!result.warning.empty())
        std::cerr << "warning: " << result.warning << "\n";
}

}  // namespace

int run_import_command(const std::vector<std::string>& args) {
    po::options_description options(
        "ehall import events|customers|segments FILE.csv [options]\n\n"
        "  events:    ts,msisdn,channel,business,outcome[,amount_fen] -> the journal\n"
        "  customers: msisdn,name,brand,home_area,join_date -> the store\n"
        "  segments:  msisdn,tag -> the store\n\n"
        "A file with a bad line imports nothing and names every bad line");
    options.add_options()("help,h", "show this help")(
        "skip-bad", po::bool_switch(), "import the good lines and list the bad ones");
    add_config_options(options);
    po::options_description hidden;
    hidden.add_options()("kind", po::value<std::string>())("file", po::value<std::string>());
    po::options_description all;
    all.add(options).add(hidden);
    po::positional_options_description positional;
    positional.add("kind", 1).add("file", 1);
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
    if (vm.count("help") || !vm.count("kind") || !vm.count("file")) {
        std::cout << options << "\n";
        return vm.count("help") ? 0 : 2;
    }
    const std::string kind = vm["kind"].as<std::string>();
    const std::string file = vm["file"].as<std::string>();
    const bool skip_bad = vm["skip-bad"].as<bool>();
    const Config config = config_from(vm);
    const analytics::DataPlace place{config.data_dir, config.store.url};
    analytics::ImportResult result;
    try {
        if (kind == "events") {
            result = config.store.url.empty()
                         ? analytics::import_events(file, config.data_dir / "journal.db", skip_bad)
                         : analytics::import_events_to_postgres(file, config.store.url, skip_bad);
        } else if (kind == "customers") {
            result = analytics::import_customers(file, place, skip_bad);
        } else if (kind == "segments") {
            result = analytics::import_segments(file, place, skip_bad);
        } else {
            std::cerr << "unknown import '" << kind << "': events, customers or segments\n";
            return 2;
        }
    } catch (const analytics::ImportError& e) {
        std::cerr << file << ": " << e.what() << "; nothing imported\n";
        return 1;
    }
    print_result(result, kind, file);
    return result.committed ? 0 : 1;
}

}  // namespace ehall
