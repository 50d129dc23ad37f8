// `ehall`: the one binary. This is the one file that wires the gateway, the channels and
// the plugin host together.
#include <sys/resource.h>
#include <unistd.h>

#include <spdlog/spdlog.h>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/program_options.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <thread>

#include <ehall/clock.hpp>
#include "channels/kiosk/kiosk_api.hpp"
#include "channels/kiosk/kiosk_ui.hpp"
#include "channels/kiosk/terminal_admin_api.hpp"
#include "channels/sms/login_code_texts.hpp"
#include "channels/sms/outbox/sms_pushes.hpp"
#include "channels/sms/sms_api.hpp"
#include "channels/web/web_api.hpp"
#include "channels/web/web_pages.hpp"
#include "gateway/admin/admin_api.hpp"
#include "gateway/admin/ops_accounts.hpp"
#include "gateway/admin/plugin_admin_ops.hpp"
#include "gateway/analytics/analytics_api.hpp"
#include "gateway/analytics/analytics_pages.hpp"
#include "gateway/analytics/report_pages.hpp"
#include "gateway/base/install_paths.hpp"
#include "gateway/base/logging.hpp"
#include "gateway/base/periodic_task.hpp"
#include "gateway/cli/backup_command.hpp"
#include "gateway/cli/export_command.hpp"
#include "gateway/cli/import_command.hpp"
#include "gateway/cli/parsed_options.hpp"
#include "gateway/cli/plugins_command.hpp"
#include "gateway/cli/report_command.hpp"
#include "gateway/cli/terminals_command.hpp"
#include "gateway/config/config.hpp"
#include "gateway/console/ops_console.hpp"
#include "gateway/dispatch/dispatcher.hpp"
#include "gateway/dispatch/worker_shutdown.hpp"
#include "gateway/html/static_files.hpp"
#include "gateway/html/templates_root.hpp"
#include "gateway/http/http_server.hpp"
#include "gateway/http/network_threads.hpp"
#include "gateway/identity/customer_login.hpp"
#include "gateway/identity/customer_sessions.hpp"
#include "gateway/identity/login_codes.hpp"
#include "gateway/journal/journal.hpp"
#include "gateway/observability_routes.hpp"
#include "gateway/store/core_schema.hpp"
#include "gateway/store/demo_data.hpp"
#include "gateway/store/migrations.hpp"
#include "gateway/store/open_store.hpp"

namespace po = boost::program_options;
namespace asio = boost::asio;

namespace {

constexpr const char* usage =
    "ehall: the self-service channel plugin host\n\n"
    "usage: ehall <command> [options]\n\n"
    "commands:\n"
    "  serve     run the gateway (web, SMS and kiosk channels, admin API)\n"
    "  plugins   list, enable or disable plugins per channel\n"
    "  terminals list kiosk terminals with their last heartbeat\n"
    "  import    load events, customers or segments from CSV (analytics)\n"
    "  report    diversion, echannel-share, cohort, preference, hotline and plugins' reports\n"
    "  export    write the journal's interactions as CSV or JSON lines\n"
    "  backup    copy ehall.db and journal.db online (safe while serving)\n\n"
    "Run `ehall <command> --help` for a command's options.\n";

// Many kiosk and keep-alive connections each hold a descriptor.
void raise_open_files_limit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &limit) != 0)
            spdlog::warn("could not raise RLIMIT_NOFILE");
    }
}

std::filesystem::path sms_templates_dir(const ehall::Config& config) {
    return config.sms.templates_dir.empty() ? ehall::templates_root() / "sms"
                                            : config.sms.templates_dir;
}

int serve(const ehall::Config& config, const std::string& port_file) {
    using namespace ehall;
    raise_open_files_limit();
    std::filesystem::create_directories(config.data_dir);
    const std::unique_ptr<HostStore> opened = open_store(config);
    HostStore& store = *opened;
    spdlog::info("store: {}", describe_store(config));
    Journal journal({.path = config.data_dir / "journal.db",
                     .database_url = config.store.url,
                     .flush_interval = config.journal.flush_interval,
                     .batch_size = config.journal.batch_size,
                     .queue_capacity = config.journal.queue_capacity,
                     .summary_interval = config.journal.summary_interval});
    Metrics metrics;
    // Before `io`, so it outlives the accept operation `io` may still hold at exit: that
    // operation owns a socket of one of these contexts.
    NetworkThreads network(config.gateway.threads);
    asio::io_context io(1);
    asio::thread_pool workers(config.gateway.worker_threads);

    PluginHost host(store, config, configured_module_dirs(config));
    // Instances sharing a database migrate one at a time: the first does the work.
    store.exclusively([&] {
        apply_migrations(store, "core", core_migrations());
        apply_migrations(store, "ops_accounts", ops_account_migrations());
        apply_migrations(store, "login_codes", login_code_migrations());
        apply_migrations(store, "kiosk_ui", kiosk_ui_migrations());
        if (config.demo() && load_demo_data(store, now_ms()))
            spdlog::info("demo mode: loaded the demo customers, vouchers, rewards and segments");
        host.start();
    });
    PluginEnablement enablement(store);
    CustomerSessions sessions(store, config.web.session_idle, std::chrono::seconds(1));
    sessions.defer_touches(
        [&workers](std::function<void()> touch) { asio::post(workers, std::move(touch)); });
    SignInGate sign_in_gate({.threads = config.gateway.sign_in_threads,
                             .queue = config.gateway.sign_in_queue,
                             .per_address_per_min = config.web.sign_in_per_address_per_min});
    CustomerLogin login(store, config.web.lockout_attempts, config.web.lockout_window,
                        sign_in_gate);
    DeadlineWatch deadlines(io.get_executor(), std::chrono::milliseconds(10));
    deadlines.start();
    Dispatcher dispatcher(config, host, enablement, journal, metrics, workers, deadlines);

    Router router;
    add_observability_routes(router, metrics, journal);
    StaticFiles static_files(templates_root() / "static");
    static_files.add_routes(router);
    sms::SmsTemplates sms_templates(sms_templates_dir(config), sms::sms_hall_templates());
    sms::SmsPushes sms_pushes(config, store, workers);
    sms_pushes.add_routes(router);
    sms::LoginCodeTexts login_code_texts(sms_pushes.outbox(), sms_templates);
    CodeLogin code_login(store, login_code_texts, config.web.lockout_attempts,
                         config.web.lockout_window, {}, config.web.login_code_per_address_per_min);
    WebLogin web_login(dispatcher, sessions, login, code_login);
    WebApi web(dispatcher, web_login);
    web.add_routes(router);
    PageTemplates web_templates(templates_root(), "web");
    WebPages web_pages(dispatcher, web_login, store, host, journal, web_templates);
    web_pages.add_routes(router);
    sms::SmsHall sms_hall(config, dispatcher, store, sms_templates);
    sms::SmsApi sms_api(sms_hall, dispatcher, config);
    sms_api.add_routes(router);
    KioskApi kiosk(config, store, dispatcher, login, metrics);
    kiosk.add_routes(router);
    TerminalAdminApi terminal_admin(config, store, workers);
    terminal_admin.add_routes(router);
    KioskUi kiosk_ui(config, store, kiosk.service(), workers, templates_root());
    kiosk_ui.add_routes(router);
    AdminApi admin(config, store, host, enablement, workers);
    admin.add_routes(router);
    PluginAdminOps plugin_admin_ops(config, store, host, workers);
    plugin_admin_ops.add_routes(router);
    PageTemplates admin_pages(templates_root(), "admin");
    TrafficHistory traffic(io.get_executor(), metrics, journal);
    PeriodicTask snapshot_sweep(io.get_executor(), std::chrono::seconds(1),
                                [&store] { store.upkeep(); });
    OpsConsole console(config, store,
                       {admin.plugins(), plugin_admin_ops, terminal_admin.terminals()}, admin_pages,
                       metrics, traffic, workers, sign_in_gate);
    console.add_routes(router);
    CustomerSessions analyst_sessions(store, config.web.session_idle);
    analytics::AnalystAccess analyst_access(config, analyst_sessions);
    std::vector<PluginModule*> running_modules;
    for (const auto& id : host.ids())
        running_modules.push_back(host.find(id));
    const analytics::ReportCatalogue reports(running_modules);
    analytics::AnalyticsApi analytics_api(config, analyst_access, reports, workers);
    analytics_api.add_routes(router);
    PageTemplates analytics_templates(templates_root(), "analytics");
    analytics::AnalyticsPages analytics_pages(config, analyst_access, analytics_templates, workers);
    analytics_pages.add_routes(router);
    analytics::ReportPages report_pages(config, analyst_access, reports, analytics_templates,
                                        workers);
    report_pages.add_routes(router);

    HttpServer server(io,
                      {.host = config.gateway.host,
                       .port = config.gateway.port,
                       .read_timeout = config.gateway.read_timeout,
                       .idle_timeout = config.gateway.idle_timeout,
                       .max_connections_per_ip = config.gateway.max_connections_per_ip,
                       .header_limit = config.gateway.header_limit,
                       .body_limit = config.gateway.body_limit,
                       .access_log = config.gateway.access_log,
                       .allowed_origins = config.gateway.allowed_origins},
                      router, metrics, network);
    // Signals are caught before the port is announced: a SIGTERM right after start-up
    // must still shut down cleanly.
    auto work = asio::make_work_guard(io);
    asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](boost::system::error_code ec, int signal) {
        if (ec)
            return;
        spdlog::info("signal {}: stopping; finishing in-flight requests", signal);
        server.shutdown(config.gateway.shutdown_grace, [&] {
            deadlines.stop();
            traffic.stop();
            snapshot_sweep.stop();
            work.reset();
            io.stop();
        });
    });
    server.start();
    spdlog::info("ehall listening on http://{}:{} ({} mode, {} network threads, {} workers)",
                 config.gateway.host, server.port(), config.mode, config.gateway.threads,
                 config.gateway.worker_threads);
    if (!port_file.empty())
        std::ofstream(port_file) << server.port() << "\n";
    sms_pushes.start();
    traffic.start();
    snapshot_sweep.start();

    // The main thread runs the acceptor, signals and timers; connections run on `network`.
    network.start();
    io.run();
    network.stop();
    sign_in_gate.stop();
    sms_pushes.stop();
    if (!join_workers_within(workers, dispatcher.running_calls(), worker_shutdown_limit(config))) {
        // A stuck call still runs plugin code: no unloading, no destructors that would wait.
        journal.stop();
        auto stats = journal.stats();
        spdlog::error("stopped with abandoned calls; journal wrote {} records ({} dropped)",
                      stats.written, stats.dropped);
        spdlog::shutdown();
        std::fflush(nullptr);
        std::_Exit(exit_code_abandoned_calls);
    }
    host.stop();
    journal.stop();
    auto stats = journal.stats();
    spdlog::info("stopped; journal wrote {} records ({} dropped)", stats.written, stats.dropped);
    spdlog::shutdown();
    return 0;
}

int run_serve(const std::vector<std::string>& args) {
    po::options_description options("ehall serve [options]");
    options.add_options()("help,h", "show this help")(
        "config", po::value<std::string>()->default_value("config/ehall.json"), "config file")(
        "listen", po::value<std::string>(), "host:port to listen on (EHALL_LISTEN)")(
        "data-dir", po::value<std::string>(), "data directory (EHALL_DATA_DIR)")(
        "port-file", po::value<std::string>()->default_value(""),
        "write the bound port here once listening (for --listen host:0)");
    const auto parsed = ehall::parse_options_or_help(args, options);
    if (!parsed)
        return 0;
    const po::variables_map& vm = *parsed;
    // Command-line flags win over the environment, which wins over the file.
    auto env = ehall::ehall_environment();
    if (vm.count("listen"))
        env["EHALL_LISTEN"] = vm["listen"].as<std::string>();
    if (vm.count("data-dir"))
        env["EHALL_DATA_DIR"] = vm["data-dir"].as<std::string>();
    ehall::Config config = ehall::load_config(vm["config"].as<std::string>(), env);
    ehall::setup_logging(config.log_level, config.gateway.access_log);
    return serve(config, vm["port-file"].as<std::string>());
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::cout << usage;
        return args.empty() ? 2 : 0;
    }
    std::string command = args[0];
    args.erase(args.begin());
    try {
        if (command == "serve")
            return run_serve(args);
        if (command == "plugins")
            return ehall::run_plugins_command(args);
        if (command == "terminals")
            return ehall::run_terminals_command(args);
        if (command == "import")
            return ehall::run_import_command(args);
        if (command == "report")
            return ehall::run_report_command(args);
        if (command == "export")
            return ehall::run_export_command(args);
        if (command == "backup")
            return ehall::run_backup_command(args);
        std::cerr << "unknown command '" << command << "'\n\n" << usage;
        return 2;
    } catch (const ehall::ConfigError& e) {
        std::cerr << "ehall: invalid configuration: " << e.what() << "\n";
        return 78;  // EX_CONFIG
    } catch (const po::error& e) {
        std::cerr << "ehall " << command << ": " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "ehall " << command << ": " << e.what() << "\n";
        return 1;
    }
}
