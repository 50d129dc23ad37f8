// The persistent queue of SMS pushes (offers, one-time codes, ops messages) on its way
// to Kannel's sendsms interface, in the store's sms_outbox table. Nothing is lost while
// Kannel is down: a push stays queued until Kannel accepts it or its attempts run out,
// and queued pushes are picked up again after a restart. Safe to use from any thread and
// from several gateway instances sharing the store.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <ehall/clock.hpp>
#include <ehall/store.hpp>
#include "channels/sms/outbox/delivery_report.hpp"
#include "channels/sms/outbox/outbox_retry.hpp"

namespace ehall::sms {

struct OutboxMessage {
    std::int64_t id = 0;
    std::string msisdn{};
    std::string text{};
    OutboxStatus status = OutboxStatus::queued;
    unsigned attempts = 0;
    std::int64_t next_attempt_ms = 0;
    std::int64_t created_ms = 0;
    std::int64_t updated_ms = 0;
    std::string last_error{};
    std::string kannel_reference{};
};

class SmsOutbox {
  public:
    explicit SmsOutbox(Store& store, OutboxRetry retry = {});

    // Queues `text` (UTF-8, at most three SMS segments) for `msisdn` (11-digit mobile
    // number) and returns the push's id. Throws std::invalid_argument for bad input.
    std::int64_t enqueue(const std::string& msisdn, const std::string& text,
                         std::int64_t now = now_ms());
    // Same, and runs `also` with the new id in the same transaction (an audit record, a
    // one-time code), so both commit or neither does.
    using AlsoInTransaction = std::function<void(Transaction&, std::int64_t id)>;
    std::int64_t enqueue(const std::string& msisdn, const std::string& text, std::int64_t now,
                         const AlsoInTransaction& also);

    // Takes the oldest due push and holds it for `lease` (so another sender, here or in
    // another instance, leaves it alone while this one talks to Kannel; a crashed sender's
    // push becomes due again when the lease ends).
    std::optional<OutboxMessage> claim_next(std::int64_t now, std::chrono::milliseconds lease);
    // Kannel accepted the push; `reference` is what it answered.
    void mark_sent(std::int64_t id, const std::string& reference, std::int64_t now);
    // Kannel did not accept it: schedules the next attempt, or fails the push when its
    // attempts are used up. Returns the push's status afterwards.
    OutboxStatus mark_attempt_failed(std::int64_t id, const std::string& error, std::int64_t now);

    enum class ReportOutcome { updated, unchanged, unknown_id };
    // Applies a Kannel delivery report value (%d) to push `id`; throws
    // std::invalid_argument for a value Kannel does not send.
    ReportOutcome apply_delivery_report(std::int64_t id, int kannel_status, std::int64_t now);

    std::optional<OutboxMessage> find(std::int64_t id);
    // Newest first; `status` empty for all.
    std::vector<OutboxMessage> list(const std::string& status, std::size_t limit);
    // When the earliest queued push is due; nothing when none is queued.
    std::optional<std::int64_t> next_due_ms();

    // Called after every enqueue (the sender uses it to wake up). Set before use.
    void on_enqueue(std::function<void()> listener) { on_enqueue_ = std::move(listener); }

    const OutboxRetry& retry() const { return retry_; }

  private:
    Store& store_;
    OutboxRetry retry_;
    std::function<void()> on_enqueue_;
};

}  // namespace ehall::sms
