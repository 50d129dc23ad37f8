#include "gateway/base/periodic_task.hpp"

#include <spdlog/spdlog.h>

#include <exception>

namespace ehall {

void PeriodicTask::start() {
    schedule();
}

void PeriodicTask::stop() {
    timer_.cancel();
}

void PeriodicTask::schedule() {
    timer_.expires_after(interval_);
    timer_.async_wait([this](boost::system::error_code ec) {
        if (ec)
            return;
        try {
            task_();
        } catch (const std::exception& e) {
            spdlog::error("periodic task failed: {}", e.what());
        }
        schedule();
    });
}

}  // namespace ehall
