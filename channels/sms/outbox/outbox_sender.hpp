// The background sender: one thread that takes due pushes from the outbox, hands each to
// Kannel's sendsms and records the answer (sent, or retried later with backoff). It
// sleeps until the next push is due, an enqueue wakes it, or a poll interval passes
// (pushes queued by another instance sharing the store).
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "channels/sms/outbox/kannel_sendsms.hpp"
#include "channels/sms/outbox/sms_outbox.hpp"

namespace ehall::sms {

class OutboxSender {
  public:
    // Sends one push; blocking and bounded in time, never throws.
    using Send = std::function<KannelSendsms::Answer(const OutboxMessage&)>;

    struct Options {
        std::chrono::milliseconds poll_interval{1000};
        // How long a claimed push is left alone; longer than one send can take.
        std::chrono::milliseconds lease{60000};
    };

    // Registers itself as the outbox's enqueue listener.
    OutboxSender(SmsOutbox& outbox, Send send, Options options);
    OutboxSender(SmsOutbox& outbox, Send send) : OutboxSender(outbox, std::move(send), Options{}) {}
    ~OutboxSender();
    OutboxSender(const OutboxSender&) = delete;
    OutboxSender& operator=(const OutboxSender&) = delete;

    void start();
    // Finishes the push in flight, if any, and joins the thread.
    void stop();
    void wake();

  private:
    void run();
    // Sends every due push; false when the store failed (the loop then waits a poll).
    bool send_due();
    void sleep_until_due();

    SmsOutbox& outbox_;
    Send send_;
    Options options_;
    std::mutex mutex_;
    std::condition_variable wakeup_;
    bool stopping_ = false;
    bool woken_ = false;
    std::thread thread_;
};

}  // namespace ehall::sms
