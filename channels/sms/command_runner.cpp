#include "channels/sms/command_runner.hpp"

#include <spdlog/spdlog.h>

#include <ehall/clock.hpp>
#include "channels/sms/sms_length.hpp"
#include "gateway/base/result_codes.hpp"
#include "gateway/dispatch/param_validation.hpp"

namespace ehall::sms {

namespace {

// Confirmations, cancels, opt-outs and proposals write the store.
bool writes_store(const ParsedCommand& parsed) {
    switch (parsed.kind) {
        case CommandKind::confirm:
        case CommandKind::cancel:
        case CommandKind::opt_out:
        case CommandKind::opt_in:
            return true;
        case CommandKind::operation:
            return parsed.command->needs_confirmation;
        default:
            return false;
    }
}

}  // namespace

void CommandRunner::record(const Turn& turn, std::string_view operation, const std::string& code) {
    ServiceRequest request = turn.request;
    request.plugin = "sms";
    request.operation = std::string(operation);
    dispatcher_.report(request, code == "ok" ? ServiceResult::ok() : ServiceResult::error(code),
                       turn.started);
}

void CommandRunner::run(const Turn& turn, std::shared_ptr<const CommandTable> table,
                        const ParsedCommand& parsed, Done done) {
    if (!writes_store(parsed))
        return run_here(turn, std::move(table), parsed, std::move(done));
    dispatcher_.run_blocking(
        [this, turn, table = std::move(table), parsed, done = std::move(done)]() mutable {
            try {
                run_here(turn, std::move(table), parsed, done);
            } catch (const std::exception& e) {
                spdlog::error("sms: command failed: {}", e.what());
                done(std::string(message_for("internal_error")));
            }
        });
}

void CommandRunner::run_here(const Turn& turn, std::shared_ptr<const CommandTable> table,
                             const ParsedCommand& parsed, Done done) {
    const std::string& msisdn = turn.request.customer;
    switch (parsed.kind) {
        case CommandKind::help:
            record(turn, "help", "ok");
            return done(replies_.help(*table, false));
        case CommandKind::unknown:
            record(turn, "unknown", "unknown_operation");
            return done(replies_.help(*table, true));
        case CommandKind::usage_error:
            record(turn, "usage", "bad_request");
            return done(replies_.usage(*parsed.command));
        case CommandKind::confirm:
            return confirm(turn, std::move(table), std::move(done));
        case CommandKind::cancel: {
            const bool cancelled =
                pending_.cancel(msisdn, now_ms()) == PendingConfirmations::Status::taken;
            record(turn, "cancel", cancelled ? "ok" : "not_found");
            return done(replies_.text(cancelled ? "cancelled" : "no_pending"));
        }
        case CommandKind::opt_out:
            opt_out_.opt_out(msisdn, now_ms());
            record(turn, "opt_out", "ok");
            return done(replies_.text("opt_out"));
        case CommandKind::opt_in:
            opt_out_.opt_in(msisdn);
            record(turn, "opt_in", "ok");
            return done(replies_.text("opt_in"));
        case CommandKind::operation:
            break;
    }
    const SmsCommand& command = *parsed.command;
    if (!command.needs_confirmation) {
        return dispatch(turn, std::shared_ptr<const SmsCommand>(table, &command), parsed.params,
                        turn.idempotency_key, std::move(done));
    }
    // Checked now, so a wrong amount is told at once rather than after the `Y`.
    nlohmann::json params = parsed.params;
    if (command.spec && validate_params(*command.spec, params)) {
        record(turn, "usage", "bad_request");
        return done(replies_.usage(command));
    }
    pending_.propose(msisdn, command.plugin, command.operation, params, now_ms());
    record(turn, "confirm_prompt", "ok");
    done(replies_.confirm_prompt(command, params, pending_.ttl()));
}

void CommandRunner::confirm(const Turn& turn, std::shared_ptr<const CommandTable> table,
                            Done done) {
    auto taken = pending_.take(turn.request.customer, now_ms());
    if (taken.status != PendingConfirmations::Status::taken) {
        const bool expired = taken.status == PendingConfirmations::Status::expired;
        record(turn, "confirm", "not_found");
        return done(replies_.text(expired ? "confirm_expired" : "no_pending"));
    }
    const PendingRequest& pending = *taken.request;
    std::shared_ptr<const SmsCommand> command;
    if (const SmsCommand* listed = table->find(pending.plugin, pending.operation)) {
        command = std::shared_ptr<const SmsCommand>(table, listed);
    } else {
        // Disabled on SMS since the prompt: the dispatcher answers plugin_disabled.
        auto stand_in = std::make_shared<SmsCommand>();
        stand_in->plugin = pending.plugin;
        stand_in->operation = pending.operation;
        stand_in->title = "业务办理";
        stand_in->keywords = {pending.operation};
        command = std::move(stand_in);
    }
    dispatch(turn, std::move(command), pending.params, pending.idempotency_key(), std::move(done));
}

void CommandRunner::dispatch(const Turn& turn, std::shared_ptr<const SmsCommand> command,
                             nlohmann::json params, std::string idempotency_key, Done done) {
    ServiceRequest request = turn.request;
    request.plugin = command->plugin;
    request.operation = command->operation;
    request.params = std::move(params);
    request.idempotency_key = std::move(idempotency_key);
    // The answer may come on a worker, a network thread or the deadline timer (a timeout):
    // rendering is only CPU work, so it happens wherever the answer comes.
    dispatcher_.dispatch(std::move(request), [this, turn, command = std::move(command),
                                              done = std::move(done)](ServiceResult result) {
        std::string reply;
        try {
            reply = replies_.result(*command, result);
        } catch (const std::exception& e) {
            spdlog::error("sms: cannot render {}.{}: {}", command->plugin, command->operation,
                          e.what());
            reply = std::string(message_for(result.code));
        }
        if (!result.is_ok())
            return done(std::move(reply));
        add_footer(turn, command->plugin, std::move(reply), done);
    });
}

void CommandRunner::add_footer(const Turn& turn, const std::string& replying_plugin,
                               std::string reply, Done done) {
    // A footer's text is Chinese, so the whole reply goes out in UCS-2; counting the reply's
    // GSM-7 septets as units errs on the short side.
    const std::size_t segments = segments_needed(reply);
    const std::size_t capacity = segments * ucs2_segment;
    const std::size_t used = sms_units(reply) + 1;  // the newline before the footer
    if (segments > max_segments || used >= capacity)
        return done(std::move(reply));
    // The plugin that answered places no footer under its own reply.
    ServiceRequest where = turn.request;
    where.plugin = replying_plugin;
    placement_slot_.fill(
        where, slot_sms_reply,
        [reply, done](std::optional<nlohmann::json> content) {
            done(content ? reply + "\n" + content->value("sms_text", "") : reply);
        },
        std::min<std::size_t>(capacity - used, 210));
}

}  // namespace ehall::sms
