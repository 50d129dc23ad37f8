#include "gateway/base/rate_limiter.hpp"

namespace ehall {

bool RateLimiter::allow(const std::string& key, std::chrono::steady_clock::time_point now) {
    if (per_minute_ == 0)
        return true;
    auto minute = std::chrono::duration_cast<std::chrono::minutes>(now.time_since_epoch()).count();
    std::lock_guard lock(mutex_);
    if (minute != swept_minute_) {
        // Forget the windows of past minutes so the map does not grow without bound.
        windows_.clear();
        swept_minute_ = minute;
    }
    Window& window = windows_[key];
    window.minute = minute;
    return ++window.count <= per_minute_;
}

}  // namespace ehall
