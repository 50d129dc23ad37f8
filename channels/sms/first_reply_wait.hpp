// A duplicate of an MO that is still being answered (Kannel gave up on the first request
// and retried, possibly to another instance) waits for the first copy's reply instead of
// running the command again: the ledger is polled on timers, never by blocking a worker.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "channels/sms/mo_ledger.hpp"

namespace ehall::sms {

// Calls `done` once, on `executor`, with the reply as soon as the ledger holds it, or with
// nothing when `deadline` passes first.
void await_first_reply(MoLedger& ledger, boost::asio::any_io_executor executor, std::string msisdn,
                       std::string id, std::chrono::steady_clock::time_point deadline,
                       std::function<void(std::optional<std::string>)> done,
                       std::chrono::milliseconds poll = std::chrono::milliseconds(50));

}  // namespace ehall::sms
