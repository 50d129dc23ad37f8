// The outbox's HTTP side: Kannel's delivery reports (GET /sms/dlr?id=&status=, allowed
// like /sms/mo), and for ops POST /admin/v1/sms/push {"msisdn","text","purpose"} plus
// GET /admin/v1/sms/outbox[/{id}] (admin bearer token). A push is marketing unless its
// purpose says "service" (a one-time code, a payment notice): marketing to a number that
// sent TD is refused.
#pragma once

#include <boost/asio/thread_pool.hpp>

#include "channels/sms/marketing_opt_out.hpp"
#include "channels/sms/outbox/sms_outbox.hpp"
#include "gateway/config/config.hpp"
#include "gateway/http/router.hpp"

namespace ehall::sms {

class OutboxRoutes {
  public:
    // `sending`: whether a sender runs (sms.sendsms_url is set); without one, pushes wait
    // in the outbox until a gateway with one starts.
    OutboxRoutes(const Config& config, Store& store, SmsOutbox& outbox,
                 boost::asio::thread_pool& workers, bool sending)
        : config_(config), opt_out_(store), outbox_(outbox), workers_(workers), sending_(sending) {}

    void add_routes(Router& router);

  private:
    void on_delivery_report(const Exchange& exchange, Reply reply);
    HttpResponse push(const Exchange& exchange, const std::string& actor);
    HttpResponse show(const Exchange& exchange);
    HttpResponse list(const Exchange& exchange);

    const Config& config_;
    MarketingOptOut opt_out_;
    SmsOutbox& outbox_;
    boost::asio::thread_pool& workers_;
    bool sending_;
};

}  // namespace ehall::sms
