#include "gateway/cli/export_command.hpp"

#include <iostream>

#include "gateway/analytics/interaction_export.hpp"
#include "gateway/analytics/vocabulary.hpp"
#include "gateway/cli/config_options.hpp"

namespace ehall {

namespace po = boost::program_options;

int run_export_command(const std::vector<std::string>& args) {
    po::options_description options(
        "ehall export interactions --from T --to T [options]\n\n"
        "Writes the journal's interactions with from <= ts < to to stdout, oldest first.\n"
        "T: a date YYYY-MM-DD (midnight Asia/Shanghai), ISO-8601 with an offset, or epoch ms");
    options.add_options()("help,h", "show this help")("from", po::value<std::string>(),
                                                      "first instant (inclusive)")(
        "to", po::value<std::string>(), "end (exclusive)")("channel", po::value<std::string>(),
                                                           "only this channel")(
        "format", po::value<std::string>()->default_value("csv"), "csv or jsonl");
    add_config_options(options);
    po::options_description all;
    all.add(options).add_options()("what", po::value<std::string>());
    po::positional_options_description positional;
    positional.add("what", 1);
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
    if (vm.count("help")) {
        std::cout << options << "\n";
        return 0;
    }
    auto fail = [&options](const std::string& message) {
        std::cerr << "ehall export: " << message << "\n\n" << options << "\n";
        return 2;
    };
    if (!vm.count("what") || vm["what"].as<std::string>() != "interactions")
        return fail("what to export: interactions");
    if (!vm.count("from") || !vm.count("to"))
        return fail("--from and --to are required");
    analytics::ExportQuery query;
    const auto from = analytics::parse_export_bound(vm["from"].as<std::string>());
    const auto to = analytics::parse_export_bound(vm["to"].as<std::string>());
    if (!from || !to)
        return fail("--from/--to must be YYYY-MM-DD, ISO-8601 with an offset or epoch ms");
    query.from_ms = *from;
    query.to_ms = *to;
    if (vm.count("channel")) {
        query.channel = vm["channel"].as<std::string>();
        if (!analytics::is_one_of(analytics::channels, query.channel))
            return fail("--channel must be one of " + analytics::listing(analytics::channels));
    }
    const std::string format = vm["format"].as<std::string>();
    if (format != "csv" && format != "jsonl")
        return fail("--format must be csv or jsonl");
    query.jsonl = format == "jsonl";
    const Config config = config_from(vm);
    std::ios::sync_with_stdio(false);
    const auto journal = analytics::open_journal_rows({config.data_dir, config.store.url});
    const auto rows = analytics::export_interactions(*journal, query, std::cout);
    std::cout.flush();
    std::cerr << "exported " << rows << " interaction(s)\n";
    return 0;
}

}  // namespace ehall
