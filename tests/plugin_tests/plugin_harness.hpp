// A plugin loaded exactly as the gateway loads it (module, migrations, start with its
// config) over a fresh store (SQLite, or PostgreSQL under EHALL_TEST_PG_URL) holding the demo data,
// for tests that drive it through Plugin::invoke and then look at the store. Companion plugins
// (loaded the same way) answer the plugin's invoke_operation calls, like the gateway's dispatch
// without its journal; the harness keeps those calls for the tests to look at.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "gateway/host/host_context.hpp"
#include "gateway/host/plugin_module.hpp"
#include "gateway/store/host_store.hpp"

namespace ehall::test {

class PluginHarness {
  public:
    explicit PluginHarness(const std::string& plugin_id,
                           nlohmann::json config = nlohmann::json::object(),
                           const std::vector<std::string>& companions = {});
    ~PluginHarness();

    struct Call {
        std::string operation;
        nlohmann::json params = nlohmann::json::object();
        std::string customer = "13800138000";
        std::string idempotency_key{};
        std::string channel = "web";
        std::string terminal_id{};
        std::string session_id{};
        std::chrono::system_clock::time_point received_at = std::chrono::system_clock::now();
    };
    // Validates params against the manifest like the gateway, then invokes and waits for
    // the result (a validation failure returns bad_request without invoking).
    ServiceResult call(const Call& call);
    ServiceResult call(const std::string& operation,
                       nlohmann::json params = nlohmann::json::object());

    // Runs one of the manifest's admin operations as the gateway's admin route does.
    ServiceResult admin(const std::string& operation,
                        nlohmann::json params = nlohmann::json::object());
    // Stops the plugin and starts it again on the same store, as a gateway restart would.
    void restart();

    Store& store() { return *store_; }
    Plugin& plugin() { return module_->plugin(); }
    const Manifest& manifest() const { return module_->manifest(); }
    const std::filesystem::path& dir() const { return dir_; }
    // The column `value` of a query's first row, 0 when there is none:
    // scalar("SELECT balance_fen AS value FROM accounts WHERE msisdn = ?", {msisdn}).
    std::int64_t scalar(const std::string& sql, const SqlParams& params = {});
    // The requests the plugin passed to invoke_operation, in order.
    std::vector<ServiceRequest> dispatched();

  private:
    void open(const std::string& plugin_id, nlohmann::json config,
              const std::vector<std::string>& companions);
    std::unique_ptr<PluginModule> load(const std::string& plugin_id);
    void dispatch(ServiceRequest request, Plugin::Done done);

    std::filesystem::path dir_;
    std::unique_ptr<HostStore> store_;
    std::unique_ptr<PluginModule> module_;
    std::unique_ptr<HostContext> context_;
    std::vector<std::unique_ptr<PluginModule>> companions_;
    std::vector<std::unique_ptr<HostContext>> companion_contexts_;
    std::mutex dispatched_mutex_;
    std::vector<ServiceRequest> dispatched_;
};

}  // namespace ehall::test
