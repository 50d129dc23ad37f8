#include "channels/sms/sms_hall.hpp"

#include <spdlog/spdlog.h>
#include <atomic>

#include <ehall/clock.hpp>
#include "channels/sms/command_normaliser.hpp"
#include "channels/sms/first_reply_wait.hpp"
#include "channels/sms/sms_length.hpp"
#include "gateway/base/random_token.hpp"
#include "gateway/base/result_codes.hpp"

namespace ehall::sms {

namespace {

// How long a duplicate waits for the first copy's reply: as long as an operation may take.
std::chrono::milliseconds longest_operation(const Config& config) {
    auto longest = config.plugins.default_timeout;
    for (const auto& [name, timeout] : config.plugins.timeouts)
        longest = std::max(longest, timeout);
    return longest + std::chrono::seconds(1);
}

struct ReplyOnce {
    explicit ReplyOnce(SmsHall::Done done) : done(std::move(done)) {}
    void reply(std::string text) {
        if (!called.exchange(true))
            done(std::move(text));
    }
    SmsHall::Done done;
    std::atomic<bool> called{false};
};

}  // namespace

SmsHall::SmsHall(const Config& config, Dispatcher& dispatcher, Store& store,
                 const SmsTemplates& templates)
    : config_(config),
      dispatcher_(dispatcher),
      store_(store),
      replies_(templates),
      ledger_(store),
      pending_(store, config.sms.confirm_ttl),
      opt_out_(store),
      rate_guard_(config.sms.rate_per_min),
      runner_(dispatcher, pending_, opt_out_, replies_),
      duplicate_wait_(longest_operation(config)) {
    for (const auto& available : dispatcher.enabled_operations("sms")) {
        const OperationSpec& operation = *available.operation;
        if (!operation.sms_keywords.empty() && operation.sms_reply.empty() &&
            !templates.has(operation.template_name))
            spdlog::warn("sms: {}.{} has no SMS words of its own: it answers with done.mustache",
                         available.plugin->id, operation.name);
    }
}

void SmsHall::handle(const MoMessage& mo, const std::string& request_id, Done done) {
    // Whichever path answers first (the reply, or an error on the way) answers.
    auto once = std::make_shared<ReplyOnce>(std::move(done));
    auto reply = [once](std::string text) { once->reply(std::move(text)); };
    Turn turn;
    turn.request.channel = "sms";
    turn.request.subchannel = mo.to.empty() ? config_.sms.service_number : mo.to;
    turn.request.request_id = request_id;
    bool claimed = false;
    try {
        if (!mo.from) {
            runner_.record(turn, "invalid_sender", "bad_request");
            return reply(fit_segments(replies_.text("invalid_sender")));
        }
        const std::string msisdn = *mo.from;
        turn.request.customer = msisdn;
        if (mo.id.empty())
            return answer(turn, mo.text, reply);
        auto outcome = ledger_.claim(msisdn, mo.id, now_ms());
        if (outcome.claim == MoLedger::Claim::answered)
            return reply(std::move(outcome.reply));
        if (outcome.claim == MoLedger::Claim::in_progress) {
            return await_first_reply(ledger_, dispatcher_.workers().get_executor(), msisdn, mo.id,
                                     std::chrono::steady_clock::now() + duplicate_wait_,
                                     [this, reply](std::optional<std::string> first) {
                                         reply(first ? std::move(*first) : still_processing());
                                     });
        }
        claimed = true;
        turn.idempotency_key = mo.id.size() <= 100 ? "mo:" + mo.id : "mo:" + sha256_hex(mo.id);
        answer(turn, mo.text, [this, msisdn, id = mo.id, reply](std::string text) {
            // Stored where blocking work runs: a timed-out answer comes on the deadline
            // timer's thread.
            dispatcher_.run_blocking([this, msisdn, id, reply, text = std::move(text)]() mutable {
                try {
                    ledger_.answer(msisdn, id, text, now_ms());
                } catch (const std::exception& e) {
                    spdlog::error("sms: could not store the reply to {}: {}", id, e.what());
                }
                reply(std::move(text));
            });
        });
    } catch (const std::exception& e) {
        spdlog::error("sms: message failed: {}", e.what());
        const std::string sorry(message_for("internal_error"));
        try {
            if (claimed)  // else a retry would wait for a reply that never comes
                ledger_.answer(*mo.from, mo.id, sorry, now_ms());
        } catch (const std::exception&) {
        }
        reply(sorry);
    }
}

void SmsHall::answer(const Turn& turn, const std::optional<std::string>& text, Done done) {
    auto fitted = [done = std::move(done)](std::string reply) {
        done(reply.empty() ? reply : fit_segments(reply));
    };
    switch (rate_guard_.check(turn.request.customer, std::chrono::steady_clock::now())) {
        case SmsRateGuard::Verdict::allow:
            break;
        case SmsRateGuard::Verdict::notice:
            runner_.record(turn, "rate_limited", "rate_limited");
            return fitted(replies_.text("rate_limited"));
        case SmsRateGuard::Verdict::silence:
            runner_.record(turn, "rate_limited", "rate_limited");
            return fitted({});
    }
    if (!text) {
        runner_.record(turn, "unreadable", "bad_request");
        return fitted(replies_.text("unreadable"));
    }
    if (!is_customer(turn.request.customer)) {
        runner_.record(turn, "not_customer", "not_found");
        return fitted(replies_.text("not_customer"));
    }
    auto table = command_table();
    const ParsedCommand parsed = table->parse(normalise_command(*text));
    runner_.run(turn, std::move(table), parsed, std::move(fitted));
}

std::string SmsHall::still_processing() const {
    try {
        return fit_segments(replies_.text("processing"));
    } catch (const std::exception& e) {
        spdlog::error("sms: {}", e.what());
        return std::string(message_for("timeout"));
    }
}

bool SmsHall::is_customer(const std::string& msisdn) {
    bool found = false;
    store_.read([&](Transaction& tx) {
        found = !tx.query("SELECT 1 AS x FROM customers WHERE msisdn = ? AND status != 'closed'",
                          {msisdn})
                     .empty();
    });
    return found;
}

std::shared_ptr<const CommandTable> SmsHall::command_table() {
    const std::uint64_t generation = dispatcher_.enablement_generation();
    std::lock_guard lock(table_mutex_);
    // Rebuilt only when ops enable or disable something.
    if (!table_ || generation != table_generation_) {
        table_ = std::make_shared<const CommandTable>(dispatcher_.enabled_operations("sms"));
        table_generation_ = generation;
    }
    return table_;
}

}  // namespace ehall::sms
