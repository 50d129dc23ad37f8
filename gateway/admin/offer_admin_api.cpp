#include "gateway/admin/offer_admin_api.hpp"

#include <ehall/clock.hpp>
#include "gateway/http/json_body.hpp"
#include "gateway/identity/admin_auth.hpp"
#include "gateway/offers/offer_definition.hpp"
#include "gateway/store/ops_audit.hpp"

namespace ehall {

void OfferAdminApi::add_routes(Router& router) {
    auto guarded = [this](auto work) {
        return admin_route(config_, workers_,
                           [this, work](const Exchange& e, const std::string& actor) {
                               return work(*this, e, actor);
                           });
    };
    using T = OfferAdminApi;
    router.add(http::verb::get, "/admin/v1/offers",
               guarded([](T& self, const Exchange&, const std::string&) { return self.list(); }));
    router.add(http::verb::post, "/admin/v1/offers",
               guarded([](T& self, const Exchange& e, const std::string& actor) {
                   return self.create(e, actor);
               }));
    router.add(http::verb::put, "/admin/v1/offers/{id}",
               guarded([](T& self, const Exchange& e, const std::string& actor) {
                   return self.update(e, actor);
               }));
    router.add(http::verb::post, "/admin/v1/offers/{id}/pause",
               guarded([](T& self, const Exchange& e, const std::string& actor) {
                   return self.set_status(e, "paused", actor);
               }));
    router.add(http::verb::post, "/admin/v1/offers/{id}/resume",
               guarded([](T& self, const Exchange& e, const std::string& actor) {
                   return self.set_status(e, "active", actor);
               }));
}

HttpResponse OfferAdminApi::list() {
    nlohmann::json offers;
    store_.read([&](Transaction& tx) { offers = stored_offers(tx); });
    return json_response(http::status::ok, {{"status", "ok"}, {"code", "ok"}, {"offers", offers}});
}

HttpResponse OfferAdminApi::create(const Exchange& exchange, const std::string& actor) {
    auto body = json_object_body(exchange);
    if (!body)
        return admin_error(http::status::bad_request, "bad_request", "body must be a JSON object");
    const std::string* id = json_string_member(*body, "id");
    return save(id ? *id : std::string{}, *body, true, actor);
}

HttpResponse OfferAdminApi::update(const Exchange& exchange, const std::string& actor) {
    auto body = json_object_body(exchange);
    if (!body)
        return admin_error(http::status::bad_request, "bad_request", "body must be a JSON object");
    if (body->contains("id") && (*body)["id"] != exchange.path_param("id"))
        return admin_error(http::status::bad_request, "bad_request", "an offer's id cannot change");
    return save(exchange.path_param("id"), *body, false, actor);
}

HttpResponse OfferAdminApi::set_status(const Exchange& exchange, const std::string& status,
                                       const std::string& actor) {
    return save(exchange.path_param("id"), {{"status", status}}, false, actor);
}

HttpResponse OfferAdminApi::save(const std::string& id, const nlohmann::json& changes, bool create,
                                 const std::string& actor) {
    HttpResponse response;
    store_.write([&](Transaction& tx) {
        auto before = stored_offer(tx, id);
        if (create && before) {
            response = admin_error(http::status::conflict, "already_exists", "offer id taken");
            return;
        }
        if (!create && !before) {
            response = admin_error(http::status::not_found, "not_found", "no such offer");
            return;
        }
        nlohmann::json offer = before ? *before : nlohmann::json::object();
        offer.update(changes);
        if (auto problem = validate_offer(offer)) {
            response = admin_error(http::status::bad_request, "bad_request", *problem);
            return;
        }
        save_offer(tx, offer, now_ms());
        std::string action = "offer.update";
        if (create)
            action = "offer.create";
        else if (changes.size() == 1 && changes.contains("status"))
            action = changes["status"] == "paused" ? "offer.pause" : "offer.resume";
        record_audit(tx, actor, action, std::string("offer:").append(id),
                     before ? before->dump() : "null", offer.dump());
        response = json_response(create ? http::status::created : http::status::ok,
                                 {{"status", "ok"}, {"code", "ok"}, {"offer", offer}});
    });
    return response;
}

}  // namespace ehall
