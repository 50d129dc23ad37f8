#include "tests/support/server_process.hpp"

#include "tests/support/test_database.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace ehall::test {

namespace {

using Clock = std::chrono::steady_clock;
constexpr auto poll_interval = std::chrono::milliseconds(10);

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::filesystem::path unique_dir(const std::string& name) {
    static std::atomic<int> counter{0};
    auto dir =
        std::filesystem::temp_directory_path() /
        ("ehall-it-" + std::to_string(getpid()) + "-" + std::to_string(++counter) + "-" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

// The parent's environment without EHALL_*, plus `extra`.
std::vector<std::string> child_environment(const Environment& extra) {
    std::vector<std::string> env;
    for (char** entry = environ; entry && *entry; ++entry) {
        std::string item(*entry);
        if (!item.starts_with("EHALL_"))
            env.push_back(std::move(item));
    }
    for (const auto& [name, value] : extra)
        env.push_back(name + "=" + value);
    return env;
}

std::vector<char*> c_strings(std::vector<std::string>& items) {
    std::vector<char*> pointers;
    for (auto& item : items)
        pointers.push_back(item.data());
    pointers.push_back(nullptr);
    return pointers;
}

int status_code(int status) {
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return -1;
}

// The port once the file holds a whole line, else 0.
std::uint16_t read_port(const std::filesystem::path& path) {
    std::string text = read_file(path);
    if (text.empty() || text.back() != '\n')
        return 0;
    return static_cast<std::uint16_t>(std::stoul(text));
}

}  // namespace

nlohmann::json demo_config(const std::vector<std::string>& modules) {
    return {{"mode", "demo"},
            {"gateway", {{"access_log", true}, {"threads", 2}, {"worker_threads", 4}}},
            {"plugins",
             {{"dir", std::string(EHALL_PLUGIN_DIR) + ":" + EHALL_TEST_PLUGIN_DIR},
              {"modules", modules},
              {"default_timeout_ms", 2000},
              {"config", nlohmann::json::object()}}}};
}

ServerProcess::ServerProcess(const std::string& name, const ServerProcess* same_store_as)
    : dir_(unique_dir(name)),
      store_url_(same_store_as           ? same_store_as->store_url()
                 : testing_on_postgres() ? fresh_database_url()
                                         : "") {}

ServerProcess::~ServerProcess() {
    if (pid_ > 0) {
        kill(pid_, SIGKILL);
        reap(true);
    }
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
}

std::string ServerProcess::data_environment() const {
    std::string environment = "EHALL_DATA_DIR=" + data_dir().string();
    if (!store_url_.empty())
        environment += " EHALL_STORE_URL='" + store_url_ + "'";
    return environment;
}

bool ServerProcess::start(const nlohmann::json& config, const Environment& env,
                          std::chrono::milliseconds wait) {
    if (pid_ > 0)
        throw std::logic_error("server already running");
    const auto config_path = dir_ / "config.json";
    const auto port_path = dir_ / "port";
    std::ofstream(config_path) << config.dump(2) << "\n";
    std::filesystem::remove(port_path);
    port_ = 0;
    exit_status_.reset();

    std::vector<std::string> args = {
        EHALL_BINARY,  "serve",      "--config",          config_path.string(), "--listen",
        "127.0.0.1:0", "--data-dir", data_dir().string(), "--port-file",        port_path.string()};
    // An explicit EHALL_LISTEN or EHALL_DATA_DIR under test must not lose to the flags.
    if (env.count("EHALL_LISTEN"))
        args.erase(args.begin() + 4, args.begin() + 6);
    Environment with_store = env;
    if (!store_url_.empty())
        with_store.try_emplace("EHALL_STORE_URL", store_url_);
    auto environment = child_environment(with_store);
    auto argv = c_strings(args);
    auto envp = c_strings(environment);

    // Everything the child needs is prepared before fork: after it, only dup2 and execve.
    const int flags = O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC;
    int out = open((dir_ / "stdout.log").c_str(), flags, 0644);
    int err = open((dir_ / "stderr.log").c_str(), flags, 0644);
    int null = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (out < 0 || err < 0 || null < 0)
        throw std::runtime_error("cannot open log files");
    pid_ = fork();
    if (pid_ == 0) {
        dup2(null, 0);
        dup2(out, 1);
        dup2(err, 2);
        execve(argv[0], argv.data(), envp.data());
        _exit(127);
    }
    close(out);
    close(err);
    close(null);
    if (pid_ < 0)
        throw std::runtime_error("fork failed");

    const auto deadline = Clock::now() + wait;
    while (Clock::now() < deadline) {
        if ((port_ = read_port(port_path)) != 0)
            return true;
        if (reap(false))
            return false;
        std::this_thread::sleep_for(poll_interval);
    }
    return false;
}

bool ServerProcess::reap(bool block) {
    if (pid_ <= 0)
        return true;
    int status = 0;
    pid_t done = waitpid(pid_, &status, block ? 0 : WNOHANG);
    if (done != pid_)
        return false;
    exit_status_ = status_code(status);
    pid_ = -1;
    return true;
}

std::optional<int> ServerProcess::wait_exit(std::chrono::milliseconds wait) {
    const auto deadline = Clock::now() + wait;
    while (!reap(false)) {
        if (Clock::now() >= deadline)
            return std::nullopt;
        std::this_thread::sleep_for(poll_interval);
    }
    return exit_status_;
}

int ServerProcess::stop() {
    if (pid_ > 0) {
        kill(pid_, SIGTERM);
        if (!wait_exit(std::chrono::seconds(30))) {
            kill(pid_, SIGKILL);
            reap(true);
        }
    }
    return exit_status_.value_or(-1);
}

void ServerProcess::kill_now() {
    if (pid_ > 0) {
        kill(pid_, SIGKILL);
        reap(true);
    }
}

std::string ServerProcess::stderr_text() const {
    return read_file(dir_ / "stderr.log");
}

std::string ServerProcess::stdout_text() const {
    return read_file(dir_ / "stdout.log");
}

}  // namespace ehall::test
