// SMS pushes wired together, as gateway/main.cpp uses them: the outbox (for anything that
// wants to text a customer: offers, one-time codes, ops), its routes, and — only when
// sms.sendsms_url is set — the sender that drains it into Kannel.
#pragma once

#include <boost/asio/thread_pool.hpp>
#include <memory>

#include "channels/sms/outbox/kannel_sendsms.hpp"
#include "channels/sms/outbox/outbox_routes.hpp"
#include "channels/sms/outbox/outbox_sender.hpp"
#include "channels/sms/outbox/sms_outbox.hpp"

namespace ehall::sms {

class SmsPushes {
  public:
    // Throws ConfigError when the sendsms settings are unusable.
    SmsPushes(const Config& config, Store& store, boost::asio::thread_pool& workers);

    void add_routes(Router& router) { routes_.add_routes(router); }
    // Starts the sender, if any; queued pushes left from before a restart go first.
    void start();
    void stop();

    SmsOutbox& outbox() { return outbox_; }

  private:
    SmsOutbox outbox_;
    std::unique_ptr<KannelSendsms> kannel_;
    std::unique_ptr<OutboxSender> sender_;
    OutboxRoutes routes_;
};

}  // namespace ehall::sms
