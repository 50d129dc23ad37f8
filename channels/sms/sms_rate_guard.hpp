// Per-number command limit of the SMS hall: within a minute (opened by the number's first
// message) the first `per_minute` messages pass, the next one gets a short notice, and the
// rest of that minute is silence (an empty reply, still HTTP 200, so Kannel does not
// retry). In memory per instance: a guard against runaway phones, not an accounting record.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace ehall::sms {

class SmsRateGuard {
  public:
    explicit SmsRateGuard(unsigned per_minute) : per_minute_(per_minute) {}

    enum class Verdict { allow, notice, silence };
    // 0 per minute: always allow.
    Verdict check(const std::string& msisdn, std::chrono::steady_clock::time_point now);

  private:
    using Clock = std::chrono::steady_clock;
    // A window opens with a number's first message and lasts a minute.
    struct Window {
        Clock::time_point opened;
        unsigned count = 0;
        bool noticed = false;
    };
    unsigned per_minute_;
    std::mutex mutex_;
    std::unordered_map<std::string, Window> windows_;
    Clock::time_point swept_{};
};

}  // namespace ehall::sms
