// The offer catalog for ops under /admin/v1/offers (admin token, every change audited with
// the definition before and after; gateway/offers/offer_definition.hpp has the JSON shape):
//   GET  /admin/v1/offers                 every offer
//   POST /admin/v1/offers                 create (409 when the id is taken)
//   PUT  /admin/v1/offers/{id}            update: the given keys replace the stored ones
//   POST /admin/v1/offers/{id}/pause      stop pushing and accepting it
//   POST /admin/v1/offers/{id}/resume
#pragma once

#include <boost/asio/thread_pool.hpp>

#include <ehall/store.hpp>
#include "gateway/config/config.hpp"
#include "gateway/http/router.hpp"

namespace ehall {

class OfferAdminApi {
  public:
    OfferAdminApi(const Config& config, Store& store, boost::asio::thread_pool& workers)
        : config_(config), store_(store), workers_(workers) {}

    void add_routes(Router& router);

  private:
    HttpResponse list();
    HttpResponse create(const Exchange& exchange, const std::string& actor);
    HttpResponse update(const Exchange& exchange, const std::string& actor);
    HttpResponse set_status(const Exchange& exchange, const std::string& status,
                            const std::string& actor);
    // Validates `changes` merged over the stored offer (none for a new one) and saves it.
    HttpResponse save(const std::string& id, const nlohmann::json& changes, bool create,
                      const std::string& actor);

    const Config& config_;
    Store& store_;
    boost::asio::thread_pool& workers_;
};

}  // namespace ehall
