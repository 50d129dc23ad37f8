#include "gateway/cli/terminals_command.hpp"

#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>

#include <ehall/clock.hpp>
#include "gateway/admin/terminal_list.hpp"
#include "gateway/base/yuan.hpp"
#include "gateway/cli/admin_client.hpp"
#include "gateway/config/config.hpp"
#include "gateway/store/core_schema.hpp"
#include "gateway/store/migrations.hpp"
#include "gateway/store/open_store.hpp"

namespace ehall {

namespace po = boost::program_options;

namespace {

// The same as GET /admin/v1/terminals, straight from the store.
nlohmann::json read_terminals(const Config& config) {
    const auto opened = open_store(config);
    HostStore& store = *opened;
    store.exclusively([&] { apply_migrations(store, "core", core_migrations()); });
    return list_terminals(store, now_ms());
}

std::string device_field(const nlohmann::json& terminal, const char* name) {
    const auto& device = terminal.value("device", nlohmann::json());
    return device.is_object() ? device.value(name, "-") : "-";
}

// Yuan of the cash figure `name` ("-" when not reported).
std::string cash_field(const nlohmann::json& terminal, const char* name) {
    const auto& cash = terminal.value("cash", nlohmann::json());
    const auto fen = cash.is_object() ? cash.value(name, nlohmann::json()) : nlohmann::json();
    return fen.is_number_integer() ? format_yuan(fen.get<std::int64_t>()) : "-";
}

void print_terminals(const nlohmann::json& terminals) {
    std::printf("%-16s %-10s %-9s %-19s %-5s %-5s %-8s %-12s %-10s %-10s %-10s %s\n", "TERMINAL",
                "HALL", "STATUS", "LAST SEEN", "STALE", "PAPER", "CASH BOX", "VERSION", "CASH EXP",
                "CASH RPT", "CASH DIFF", "LOCATION");
    for (const auto& t : terminals) {
        const std::string last_seen = t.value("last_seen", "");
        std::printf("%-16s %-10s %-9s %-19s %-5s %-5s %-8s %-12s %-10s %-10s %-10s %s\n",
                    t.value("id", "").c_str(), t.value("hall", "").c_str(),
                    t.value("status", "").c_str(), last_seen.empty() ? "never" : last_seen.c_str(),
                    t.value("stale", true) ? "yes" : "no", device_field(t, "printer_paper").c_str(),
                    device_field(t, "cash_box").c_str(), device_field(t, "version").c_str(),
                    cash_field(t, "expected_fen").c_str(), cash_field(t, "reported_fen").c_str(),
                    cash_field(t, "difference_fen").c_str(), t.value("location", "").c_str());
    }
}

}  // namespace

int run_terminals_command(const std::vector<std::string>& args) {
    po::options_description options("ehall terminals list [options]");
    options.add_options()("help,h", "show this help")(
        "config", po::value<std::string>()->default_value("config/ehall.json"), "config file")(
        "offline", po::bool_switch(), "read the store directly (gateway stopped)")(
        "url", po::value<std::string>(), "gateway URL, default http://<gateway.listen>")(
        "token", po::value<std::string>()->default_value(""),
        "admin token, default EHALL_ADMIN_TOKEN or the config's")("json", po::bool_switch(),
                                                                  "print JSON instead of a table")(
        "action", po::value<std::string>(), "list");
    po::positional_options_description positional;
    positional.add("action", 1);
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
    po::notify(vm);
    if (vm.count("help") || !vm.count("action")) {
        std::cout << options << "\n";
        return vm.count("help") ? 0 : 2;
    }
    if (vm["action"].as<std::string>() != "list") {
        std::cerr << "unknown action '" << vm["action"].as<std::string>() << "'\n"
                  << options << "\n";
        return 2;
    }
    Config config = load_config(vm["config"].as<std::string>(), ehall_environment());
    nlohmann::json terminals;
    if (vm["offline"].as<bool>()) {
        terminals = read_terminals(config);
    } else {
        std::string token = vm["token"].as<std::string>();
        if (token.empty())
            token = config.admin.token;
        if (token.empty()) {
            std::cerr << "no admin token: set EHALL_ADMIN_TOKEN or pass --token\n";
            return 2;
        }
        std::string url = vm.count("url") ? vm["url"].as<std::string>()
                                          : "http://" + config.gateway.host + ":" +
                                                std::to_string(config.gateway.port);
        AdminReply reply = call_admin_api(url, token, "GET", "/admin/v1/terminals");
        if (reply.status != 200) {
            std::cerr << "gateway answered " << reply.status << ": " << reply.body.dump() << "\n";
            return 1;
        }
        terminals = reply.body.value("terminals", nlohmann::json::array());
    }
    if (vm["json"].as<bool>())
        std::cout << terminals.dump(2) << "\n";
    else
        print_terminals(terminals);
    return 0;
}

}  // namespace ehall
