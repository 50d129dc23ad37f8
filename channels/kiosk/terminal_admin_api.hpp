// Terminal management for ops under /admin/v1/terminals (same admin token and audit as
// gateway/admin/admin_api.cpp, which keeps the GET listing with its stale flag):
//   POST /admin/v1/terminals {"id","hall","location"}  register; the key is shown once
//   POST /admin/v1/terminals/{id}/rotate               a new key, shown once; the old one stops
//   POST /admin/v1/terminals/{id}/disable | enable
//   POST /admin/v1/terminals/{id}/activation_code      one-time 8 digits for the touch UI, 24 h
//   POST /admin/v1/terminals/{id}/cash-collected {"counted_fen"}  the cash box was emptied and
//        counted: the reply says what it should have held (docs/kiosk-cash.md)
// Each route reads its body and calls TerminalAdmin (terminal_admin.hpp), as the console does.
#pragma once

#include <boost/asio/thread_pool.hpp>

#include "channels/kiosk/terminal_admin.hpp"
#include "gateway/config/config.hpp"
#include "gateway/http/router.hpp"

namespace ehall {

class TerminalAdminApi {
  public:
    TerminalAdminApi(const Config& config, Store& store, boost::asio::thread_pool& workers)
        : config_(config), terminals_(store), workers_(workers) {}

    void add_routes(Router& router);
    // What the routes call, for the ops console to call as well.
    TerminalAdmin& terminals() { return terminals_; }

  private:
    const Config& config_;
    TerminalAdmin terminals_;
    boost::asio::thread_pool& workers_;
};

}  // namespace ehall
