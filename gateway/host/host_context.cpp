#include "gateway/host/host_context.hpp"

#include <spdlog/spdlog.h>

namespace ehall {

HostContext::HostContext(Store& store, nlohmann::json config, bool demo,
                         const std::string& plugin_id)
    : store_(store),
      config_(std::move(config)),
      demo_(demo),
      logger_(spdlog::default_logger()->clone("plugin:" + plugin_id)) {}

void HostContext::log(LogLevel level, std::string_view message) {
    switch (level) {
        case LogLevel::debug:
            return logger_->debug(message);
        case LogLevel::info:
            return logger_->info(message);
        case LogLevel::warn:
            return logger_->warn(message);
        case LogLevel::error:
            return logger_->error(message);
    }
}

void HostContext::invoke_operation(ServiceRequest request,
                                   std::function<void(ServiceResult)> done) {
    if (!dispatch_)
        return done(ServiceResult::error("internal_error", "the gateway cannot dispatch yet"));
    dispatch_(std::move(request), std::move(done));
}

}  // namespace ehall
