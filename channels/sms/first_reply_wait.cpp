#include "channels/sms/first_reply_wait.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/steady_timer.hpp>
#include <memory>

namespace ehall::sms {

void await_first_reply(MoLedger& ledger, boost::asio::any_io_executor executor, std::string msisdn,
                       std::string id, std::chrono::steady_clock::time_point deadline,
                       std::function<void(std::optional<std::string>)> done,
                       std::chrono::milliseconds poll) {
    auto timer = std::make_shared<boost::asio::steady_timer>(executor, poll);
    timer->async_wait([&ledger, executor, timer, msisdn = std::move(msisdn), id = std::move(id),
                       deadline, done = std::move(done), poll](boost::system::error_code) mutable {
        std::optional<std::string> reply;
        try {
            reply = ledger.reply(msisdn, id);
        } catch (const std::exception& e) {
            spdlog::error("sms: cannot read the reply to {}: {}", id, e.what());
        }
        if (reply || std::chrono::steady_clock::now() >= deadline)
            return done(std::move(reply));
        await_first_reply(ledger, executor, std::move(msisdn), std::move(id), deadline,
                          std::move(done), poll);
    });
}

}  // namespace ehall::sms
