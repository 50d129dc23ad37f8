#include "gateway/cli/plugins_command.hpp"

#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>

#include "gateway/base/comma_list.hpp"
#include "gateway/cli/admin_client.hpp"
#include "gateway/config/config.hpp"
#include "gateway/host/plugin_enablement.hpp"
#include "gateway/store/core_schema.hpp"
#include "gateway/store/migrations.hpp"
#include "gateway/store/open_store.hpp"

namespace ehall {

namespace po = boost::program_options;

namespace {

void print_plugins(const nlohmann::json& plugins) {
    std::printf("%-12s %-10s %-5s %-5s %-5s\n", "PLUGIN", "VERSION", "WEB", "SMS", "KIOSK");
    for (const auto& plugin : plugins) {
        auto state = [&](const char* channel) {
            return plugin["channels"].value(channel, false) ? "on" : "off";
        };
        std::printf("%-12s %-10s %-5s %-5s %-5s\n", plugin.value("id", "").c_str(),
                    plugin.value("version", "-").c_str(), state("web"), state("sms"),
                    state("kiosk"));
    }
}

int run_offline(const Config& config, const std::string& action, const std::string& id,
                const std::vector<std::string>& channels) {
    const auto opened = open_store(config);
    HostStore& store = *opened;
    store.exclusively([&] { apply_migrations(store, "core", core_migrations()); });
    PluginEnablement enablement(store);
    if (action == "list") {
        nlohmann::json plugins = nlohmann::json::array();
        store.read([&](Transaction& tx) {
            for (const auto& row :
                 tx.query("SELECT DISTINCT plugin FROM plugin_channels ORDER BY plugin")) {
                plugins.push_back({{"id", row.text("plugin")}});
            }
        });
        for (auto& plugin : plugins)
            plugin["channels"] = enablement.channels(plugin["id"]);
        print_plugins(plugins);
        return 0;
    }
    if (enablement.channels(id).empty()) {
        std::cerr << "no plugin '" << id << "' in " << (config.data_dir / "ehall.db").string()
                  << "\n";
        return 1;
    }
    const char* user = getlogin();
    auto after = enablement.set(id, channels, action == "enable",
                                std::string("cli-offline:") + (user ? user : "unknown"));
    print_plugins(nlohmann::json::array({{{"id", id}, {"channels", after}}}));
    return 0;
}

int run_online(const Config& config, const std::string& url, std::string token,
               const std::string& action, const std::string& id,
               const std::vector<std::string>& channels) {
    if (token.empty())
        token = config.admin.token;
    if (token.empty()) {
        std::cerr << "no admin token: set EHALL_ADMIN_TOKEN or pass --token\n";
        return 2;
    }
    AdminReply reply = action == "list" ? call_admin_api(url, token, "GET", "/admin/v1/plugins")
                                        : call_admin_api(url, token, "POST",
                                                         "/admin/v1/plugins/" + id + "/" + action,
                                                         {{"channels", channels}});
    if (reply.status != 200) {
        std::cerr << "gateway answered " << reply.status << ": " << reply.body.dump() << "\n";
        return 1;
    }
    if (action == "list") {
        print_plugins(reply.body["plugins"]);
        for (const auto& refused : reply.body["refused"]) {
            std::printf("%-12s refused: %s\n", refused.value("id", "").c_str(),
                        refused.value("reason", "").c_str());
        }
    } else {
        print_plugins(nlohmann::json::array({reply.body}));
    }
    return 0;
}

}  // namespace

int run_plugins_command(const std::vector<std::string>& args) {
    po::options_description options("ehall plugins list | enable ID | disable ID [options]");
    options.add_options()("help,h", "show this help")(
        "config", po::value<std::string>()->default_value("config/ehall.json"), "config file")(
        "offline", po::bool_switch(), "change the store directly (gateway stopped)")(
        "url", po::value<std::string>(), "gateway URL, default http://<gateway.listen>")(
        "token", po::value<std::string>()->default_value(""),
        "admin token, default EHALL_ADMIN_TOKEN or the config's")(
        "channels", po::value<std::string>()->default_value("web,sms,kiosk"),
        "comma-separated channels to change")("action", po::value<std::string>(),
                                              "list, enable or disable")(
        "id", po::value<std::string>(), "plugin id");
    po::positional_options_description positional;
    positional.add("action", 1).add("id", 1);
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
    po::notify(vm);
    if (vm.count("help") || !vm.count("action")) {
        std::cout << options << "\n";
        return vm.count("help") ? 0 : 2;
    }
    std::string action = vm["action"].as<std::string>();
    if (action != "list" && action != "enable" && action != "disable") {
        std::cerr << "unknown action '" << action << "'\n" << options << "\n";
        return 2;
    }
    std::string id = vm.count("id") ? vm["id"].as<std::string>() : "";
    if (action != "list" && id.empty()) {
        std::cerr << "ehall plugins " << action << " needs a plugin id\n";
        return 2;
    }
    auto channels = split_comma_list(vm["channels"].as<std::string>());
    for (const auto& channel : channels) {
        if (!is_known_channel(channel)) {
            std::cerr << "unknown channel '" << channel << "' (web, sms, kiosk)\n";
            return 2;
        }
    }
    Config config = load_config(vm["config"].as<std::string>(), ehall_environment());
    if (vm["offline"].as<bool>())
        return run_offline(config, action, id, channels);
    std::string url = vm.count("url") ? vm["url"].as<std::string>()
                                      : "http://" + config.gateway.host + ":" +
                                            std::to_string(config.gateway.port);
    return run_online(config, url, vm["token"].as<std::string>(), action, id, channels);
}

}  // namespace ehall
