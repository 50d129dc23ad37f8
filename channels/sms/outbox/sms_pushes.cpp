#include "channels/sms/outbox/sms_pushes.hpp"

#include <spdlog/spdlog.h>

namespace ehall::sms {

SmsPushes::SmsPushes(const Config& config, Store& store, boost::asio::thread_pool& workers)
    : outbox_(store),
      kannel_(config.sms.sendsms_url.empty() ? nullptr
                                             : std::make_unique<KannelSendsms>(config.sms)),
      sender_(kannel_ ? std::make_unique<OutboxSender>(
                            outbox_,
                            [kannel = kannel_.get()](const OutboxMessage& message) {
                                return kannel->send(message);
                            })
                      : nullptr),
      routes_(config, store, outbox_, workers, kannel_ != nullptr) {}

void SmsPushes::start() {
    if (!sender_) {
        spdlog::info("sms pushes: no sms.sendsms_url, pushes stay queued in the outbox");
        return;
    }
    spdlog::info("sms pushes: sending through Kannel at {}", kannel_->endpoint());
    sender_->start();
}

void SmsPushes::stop() {
    if (sender_)
        sender_->stop();
}

}  // namespace ehall::sms
