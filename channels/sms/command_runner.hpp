// Runs one parsed SMS command for a known customer: the built-ins (help, Y / N
// confirmation, TD / KT), the two-step confirmation of operations that need it, and the
// dispatch of everything else through the gateway core. Journals what does not reach a
// plugin (plugin "sms"); the dispatcher journals the rest. A successful operation's reply
// gets a recommended offer as footer when the offers plugin has one that fits the room
// left in the reply's segments (never on the offers commands themselves).
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "channels/sms/command_table.hpp"
#include "channels/sms/marketing_opt_out.hpp"
#include "channels/sms/pending_confirmations.hpp"
#include "channels/sms/sms_replies.hpp"
#include "gateway/dispatch/dispatcher.hpp"
#include "gateway/dispatch/placement_slot.hpp"

namespace ehall::sms {

// One message being answered.
struct Turn {
    ServiceRequest request;       // channel, subchannel, customer, request id, received_at
    std::string idempotency_key;  // from Kannel's message id, empty without one
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
};

class CommandRunner {
  public:
    using Done = std::function<void(std::string reply)>;

    CommandRunner(Dispatcher& dispatcher, PendingConfirmations& pending, MarketingOptOut& opt_out,
                  const SmsReplies& replies)
        : dispatcher_(dispatcher),
          pending_(pending),
          opt_out_(opt_out),
          replies_(replies),
          placement_slot_(dispatcher) {}

    // Call on any thread: commands that write the store (confirmations, opt-outs) move to
    // the workers, reads stay. `done` is called once, on a worker or a network thread.
    void run(const Turn& turn, std::shared_ptr<const CommandTable> table,
             const ParsedCommand& parsed, Done done);

    // Journals an SMS interaction that reaches no plugin: plugin "sms", `operation`.
    void record(const Turn& turn, std::string_view operation, const std::string& code);

  private:
    void run_here(const Turn& turn, std::shared_ptr<const CommandTable> table,
                  const ParsedCommand& parsed, Done done);
    void confirm(const Turn& turn, std::shared_ptr<const CommandTable> table, Done done);
    // `command` stays alive (with its table) until the reply is rendered.
    void dispatch(const Turn& turn, std::shared_ptr<const SmsCommand> command,
                  nlohmann::json params, std::string idempotency_key, Done done);
    // `reply` plus "\n" and the SMS reply slot's text (DESIGN §8: an offer) when one fits
    // without another segment.
    void add_footer(const Turn& turn, const std::string& replying_plugin, std::string reply,
                    Done done);

    Dispatcher& dispatcher_;
    PendingConfirmations& pending_;
    MarketingOptOut& opt_out_;
    const SmsReplies& replies_;
    PlacementSlot placement_slot_;
};

}  // namespace ehall::sms
