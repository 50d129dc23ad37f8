// The SMS hall: answers one mobile-originated message with the reply SMS. In order: the
// sender must be a mobile number, a repeated Kannel id gets the first reply (and runs
// nothing), the text must decode, the number's rate limit, the sender must be a customer
// (the operator's network vouches for the number, so it is the authenticated customer);
// then the normalised text is parsed against the commands enabled on the SMS channel and
// run. Every reply fits three segments.
#pragma once

#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "channels/sms/command_runner.hpp"
#include "channels/sms/mo_ledger.hpp"
#include "channels/sms/mo_message.hpp"
#include "channels/sms/sms_rate_guard.hpp"
#include "gateway/config/config.hpp"

namespace ehall::sms {

class SmsHall {
  public:
    SmsHall(const Config& config, Dispatcher& dispatcher, Store& store,
            const SmsTemplates& templates);

    using Done = std::function<void(std::string reply)>;
    // A message with a Kannel id must be handled on a worker (its ledger entry is a write);
    // one without may be handled on a network thread, which only reads: commands that write
    // move to the workers. `done` gets the reply text (empty: say nothing), exactly once; it
    // does not throw.
    void handle(const MoMessage& mo, const std::string& request_id, Done done);

  private:
    void answer(const Turn& turn, const std::optional<std::string>& text, Done done);
    // What a duplicate hears when the first copy is still not answered.
    std::string still_processing() const;
    bool is_customer(const std::string& msisdn);
    std::shared_ptr<const CommandTable> command_table();

    const Config& config_;
    Dispatcher& dispatcher_;
    Store& store_;
    SmsReplies replies_;
    MoLedger ledger_;
    PendingConfirmations pending_;
    MarketingOptOut opt_out_;
    SmsRateGuard rate_guard_;
    CommandRunner runner_;
    std::chrono::milliseconds duplicate_wait_;

    std::mutex table_mutex_;
    std::uint64_t table_generation_ = 0;
    std::shared_ptr<const CommandTable> table_;
};

}  // namespace ehall::sms
