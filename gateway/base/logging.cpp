#include "gateway/base/logging.hpp"

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>

namespace ehall {

void setup_logging(const std::string& level, bool access_log) {
    auto service = spdlog::stderr_logger_mt("ehall");
    service->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l [%n] %v", spdlog::pattern_time_type::utc);
    service->set_level(spdlog::level::from_str(level));
    spdlog::set_default_logger(service);
    if (access_log) {
        // Buffered and flushed once a second: a write per request would cost more than
        // the request (spdlog's stdout sink flushes after every line; the ostream sink does
        // not, and std::cout writes into stdout's stdio buffer).
        auto access = std::make_shared<spdlog::logger>(
            "access", std::make_shared<spdlog::sinks::ostream_sink_mt>(std::cout));
        spdlog::register_logger(access);
        access->set_pattern(R"({"ts":"%Y-%m-%dT%H:%M:%S.%eZ","log":"access",%v)",
                            spdlog::pattern_time_type::utc);
        access->flush_on(spdlog::level::warn);
    }
    spdlog::flush_every(std::chrono::seconds(1));
}

}  // namespace ehall
