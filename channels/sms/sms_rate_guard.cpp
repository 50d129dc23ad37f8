#include "channels/sms/sms_rate_guard.hpp"

namespace ehall::sms {

SmsRateGuard::Verdict SmsRateGuard::check(const std::string& msisdn,
                                          std::chrono::steady_clock::time_point now) {
    if (per_minute_ == 0)
        return Verdict::allow;
    constexpr auto length = std::chrono::minutes(1);
    std::lock_guard lock(mutex_);
    if (now - swept_ >= length) {
        std::erase_if(windows_,
                      [&](const auto& item) { return now - item.second.opened >= length; });
        swept_ = now;  // once a minute, so the map does not grow without bound
    }
    Window& window = windows_[msisdn];
    if (window.count == 0 || now - window.opened >= length)
        window = {.opened = now};
    if (window.count < per_minute_) {
        ++window.count;
        return Verdict::allow;
    }
    if (window.noticed)
        return Verdict::silence;
    window.noticed = true;
    return Verdict::notice;
}

}  // namespace ehall::sms
