// Where every password and one-time-code check runs (web, kiosk, ops console). A check costs
// argon2id's 64 MiB and tens of milliseconds, so checks run on a small pool of their own,
// never on the workers: a flood of sign-ins queues only behind itself while customers' other
// requests keep their latency. The pool takes `threads` checks at a time and `queue` more
// waiting; beyond that, and once a client address has failed `per_address_per_min` sign-ins
// in the last 60 s, a sign-in is refused at once (`rate_limited`), before any hashing.
// Failures count, not sign-ins: guessing and spraying fail, while customers behind one
// address (a carrier's NAT) mostly succeed.
//
// The per-address count is kept in memory, per instance (sliding_window_limit.hpp): behind a
// proxy every client has the proxy's address, so raise it or turn it off there.
#pragma once

#include <atomic>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <optional>
#include <string>
#include <utility>

#include "gateway/base/sliding_window_limit.hpp"

namespace ehall {

class SignInGate {
  public:
    struct Limits {
        unsigned threads = 1;
        unsigned queue = 8;
        unsigned per_address_per_min = 30;  // failed sign-ins per address, 0: no limit
    };
    explicit SignInGate(const Limits& limits);

    // One check's place on the pool, given back when destroyed.
    class Slot {
      public:
        explicit Slot(std::atomic<unsigned>& taken) : taken_(&taken) {}
        Slot(Slot&& other) noexcept : taken_(std::exchange(other.taken_, nullptr)) {}
        Slot& operator=(Slot&&) = delete;
        ~Slot() {
            if (taken_)
                taken_->fetch_sub(1);
        }

      private:
        std::atomic<unsigned>* taken_;
    };

    // A place for one sign-in from `address`, or nothing when the address has failed too
    // often or the pool is full.
    std::optional<Slot> admit(const std::string& address);
    // A sign-in from `address` did not succeed (a wrong password or code, a locked number).
    void failed(const std::string& address);

    // Runs `work` (any callable, move-only too) on the pool, holding `slot` until it returns.
    template <class Work>
    void run(Slot slot, Work work) {
        boost::asio::post(pool_,
                          [slot = std::move(slot), work = std::move(work)]() mutable { work(); });
    }

    // Waits for the checks under way and queued (at shutdown, after the listeners closed).
    void stop() { pool_.join(); }

  private:
    boost::asio::thread_pool pool_;
    unsigned capacity_;
    std::atomic<unsigned> taken_{0};
    SlidingWindowLimit failures_per_address_;
};

}  // namespace ehall
