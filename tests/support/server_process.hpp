// The real `ehall serve` as a child process, for integration tests: one temp directory per
// server (config, data dir, port file, logs), a loopback port chosen by the OS.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace ehall::test {

// EHALL_* variables for the child; every inherited EHALL_* variable is removed first.
using Environment = std::map<std::string, std::string>;

// A demo-mode config that loads `modules` from the built plugin directories.
nlohmann::json demo_config(const std::vector<std::string>& modules = {"billing"});

class ServerProcess {
  public:
    // Creates a fresh temp directory named after `name`; nothing runs yet. On PostgreSQL
    // the server gets a fresh database, or `same_store_as`'s: a second instance of it.
    explicit ServerProcess(const std::string& name, const ServerProcess* same_store_as = nullptr);
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    // Writes `config` and runs `ehall serve` on 127.0.0.1:0 with this server's data dir.
    // True once the port file appears; false when the process exits first (see exit_status)
    // or does not listen within `wait`. May be called again after stop(): same data dir.
    bool start(const nlohmann::json& config, const Environment& env = {},
               std::chrono::milliseconds wait = std::chrono::seconds(20));

    // SIGTERM, then waits up to 30 s (SIGKILL after that). Returns the exit status:
    // the exit code, or 128 + signal number when killed by a signal.
    int stop();
    // SIGKILL: no shutdown, no journal flush (a crashed instance). Returns at once.
    void kill_now();

    // Waits for the process to exit by itself; the exit status, or nullopt on timeout.
    std::optional<int> wait_exit(std::chrono::milliseconds wait);

    bool running() const { return pid_ > 0; }
    std::optional<int> exit_status() const { return exit_status_; }
    std::uint16_t port() const { return port_; }
    const std::filesystem::path& dir() const { return dir_; }
    std::filesystem::path data_dir() const { return dir_ / "data"; }
    std::filesystem::path journal_path() const { return data_dir() / "journal.db"; }
    // The server's PostgreSQL database (a fresh one per server under EHALL_TEST_PG_URL);
    // empty when the store is the SQLite file in data_dir().
    const std::string& store_url() const { return store_url_; }
    // "EHALL_DATA_DIR=... [EHALL_STORE_URL='...']": what a CLI command (run_ehall) needs to
    // open this server's data.
    std::string data_environment() const;
    std::string stderr_text() const;  // the service log
    std::string stdout_text() const;  // the access log

  private:
    bool reap(bool block);

    std::filesystem::path dir_;
    pid_t pid_ = -1;
    std::uint16_t port_ = 0;
    std::optional<int> exit_status_;
    std::string store_url_;
};

}  // namespace ehall::test
