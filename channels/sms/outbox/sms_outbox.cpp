#include "channels/sms/outbox/sms_outbox.hpp"

#include <stdexcept>

#include "channels/sms/sms_length.hpp"
#include "channels/sms/sms_text_codec.hpp"
#include "gateway/dispatch/param_validation.hpp"

namespace ehall::sms {

namespace {

constexpr const char* columns =
    "id, msisdn, text, status, attempts, next_attempt_ms, created_ms, updated_ms, "
    "coalesce(last_error, '') AS last_error, coalesce(kannel_reference, '') AS kannel_reference";

OutboxMessage message_from(const Row& row) {
    OutboxMessage m;
    m.id = row.integer("id");
    m.msisdn = row.text("msisdn");
    m.text = row.text("text");
    m.status = outbox_status(row.text("status")).value_or(OutboxStatus::queued);
    m.attempts = static_cast<unsigned>(row.integer("attempts"));
    m.next_attempt_ms = row.integer("next_attempt_ms");
    m.created_ms = row.integer("created_ms");
    m.updated_ms = row.integer("updated_ms");
    m.last_error = row.text("last_error");
    m.kannel_reference = row.text("kannel_reference");
    return m;
}

std::optional<OutboxMessage> find_in(Transaction& tx, std::int64_t id) {
    auto rows = tx.query(std::string("SELECT ") + columns + " FROM sms_outbox WHERE id = ?", {id});
    if (rows.empty())
        return std::nullopt;
    return message_from(rows.front());
}

}  // namespace

SmsOutbox::SmsOutbox(Store& store, OutboxRetry retry) : store_(store), retry_(retry) {}

std::int64_t SmsOutbox::enqueue(const std::string& msisdn, const std::string& text,
                                std::int64_t now) {
    return enqueue(msisdn, text, now, {});
}

std::int64_t SmsOutbox::enqueue(const std::string& msisdn, const std::string& text,
                                std::int64_t now, const AlsoInTransaction& also) {
    if (!is_mobile_number(msisdn))
        throw std::invalid_argument("msisdn must be an 11-digit mobile number");
    if (!utf8_code_points(text))
        throw std::invalid_argument("text must be UTF-8");
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        throw std::invalid_argument("text is empty");
    if (segments_needed(text) > max_segments)
        throw std::invalid_argument("text is longer than three SMS segments");
    std::int64_t id = 0;
    store_.write([&](Transaction& tx) {
        tx.execute(
            "INSERT INTO sms_outbox (msisdn, text, status, attempts, next_attempt_ms, created_ms, "
            "updated_ms) VALUES (?, ?, 'queued', 0, ?, ?, ?)",
            {msisdn, text, now, now, now});
        id = tx.last_insert_id();
        if (also)
            also(tx, id);
    });
    if (on_enqueue_)
        on_enqueue_();
    return id;
}

std::optional<OutboxMessage> SmsOutbox::claim_next(std::int64_t now,
                                                   std::chrono::milliseconds lease) {
    // Most polls find nothing: ask in a read transaction before taking the write lock.
    bool any_due = false;
    store_.read([&](Transaction& tx) {
        any_due = !tx.query(
                         "SELECT 1 AS x FROM sms_outbox WHERE status = 'queued' AND "
                         "next_attempt_ms <= ? LIMIT 1",
                         {now})
                       .empty();
    });
    if (!any_due)
        return std::nullopt;
    std::optional<OutboxMessage> claimed;
    store_.write([&](Transaction& tx) {
        auto rows = tx.query(std::string("SELECT ") + columns +
                                 " FROM sms_outbox WHERE status = 'queued' AND next_attempt_ms "
                                 "<= ? ORDER BY next_attempt_ms, id LIMIT 1",
                             {now});
        if (rows.empty())
            return;
        claimed = message_from(rows.front());
        tx.execute("UPDATE sms_outbox SET next_attempt_ms = ? WHERE id = ?",
                   {now + lease.count(), claimed->id});
    });
    return claimed;
}

void SmsOutbox::mark_sent(std::int64_t id, const std::string& reference, std::int64_t now) {
    store_.write([&](Transaction& tx) {
        // A delivery report may have arrived before Kannel's answer: never move back.
        tx.execute(
            "UPDATE sms_outbox SET attempts = attempts + 1, kannel_reference = ?, "
            "last_error = NULL, updated_ms = ?, "
            "status = CASE status WHEN 'queued' THEN 'sent' ELSE status END WHERE id = ?",
            {reference.substr(0, 200), now, id});
    });
}

OutboxStatus SmsOutbox::mark_attempt_failed(std::int64_t id, const std::string& error,
                                            std::int64_t now) {
    OutboxStatus result = OutboxStatus::failed;
    store_.write([&](Transaction& tx) {
        auto message = find_in(tx, id);
        if (!message)
            return;
        result = message->status;
        if (message->status != OutboxStatus::queued)
            return;
        const unsigned attempts = message->attempts + 1;
        result = retry_.exhausted(attempts) ? OutboxStatus::failed : OutboxStatus::queued;
        tx.execute(
            "UPDATE sms_outbox SET attempts = ?, status = ?, next_attempt_ms = ?, last_error = ?, "
            "updated_ms = ? WHERE id = ?",
            {std::int64_t{attempts}, std::string(to_string(result)),
             now + retry_.delay_after(attempts).count(), error.substr(0, 500), now, id});
    });
    return result;
}

SmsOutbox::ReportOutcome SmsOutbox::apply_delivery_report(std::int64_t id, int kannel_status,
                                                          std::int64_t now) {
    auto report = decode_delivery_report(kannel_status);
    if (!report)
        throw std::invalid_argument(
            std::string("unknown delivery report status ").append(std::to_string(kannel_status)));
    ReportOutcome outcome = ReportOutcome::unknown_id;
    store_.write([&](Transaction& tx) {
        auto message = find_in(tx, id);
        if (!message)
            return;
        outcome = ReportOutcome::unchanged;
        if (!advances(message->status, report->status))
            return;
        std::string error = message->last_error;
        if (report->status == OutboxStatus::failed) {
            error = std::string("delivery report ")
                        .append(std::to_string(kannel_status))
                        .append(": ")
                        .append(report->label);
        }
        tx.execute(
            "UPDATE sms_outbox SET status = ?, last_error = nullif(?, ''), updated_ms = ? "
            "WHERE id = ?",
            {std::string(to_string(report->status)), error, now, id});
        outcome = ReportOutcome::updated;
    });
    return outcome;
}

std::optional<OutboxMessage> SmsOutbox::find(std::int64_t id) {
    std::optional<OutboxMessage> found;
    store_.read([&](Transaction& tx) { found = find_in(tx, id); });
    return found;
}

std::vector<OutboxMessage> SmsOutbox::list(const std::string& status, std::size_t limit) {
    std::vector<OutboxMessage> messages;
    store_.read([&](Transaction& tx) {
        auto rows = tx.query(std::string("SELECT ") + columns +
                                 " FROM sms_outbox WHERE (? = '' OR status = ?) "
                                 "ORDER BY id DESC LIMIT ?",
                             {status, status, static_cast<std::int64_t>(limit)});
        for (const auto& row : rows)
            messages.push_back(message_from(row));
    });
    return messages;
}

std::optional<std::int64_t> SmsOutbox::next_due_ms() {
    std::optional<std::int64_t> due;
    store_.read([&](Transaction& tx) {
        auto rows =
            tx.query("SELECT min(next_attempt_ms) AS due FROM sms_outbox WHERE status = 'queued'");
        if (!rows.empty() && !rows.front().is_null("due"))
            due = rows.front().integer("due");
    });
    return due;
}

}  // namespace ehall::sms
