// What a route asks of a request beyond its method and path, declared where the route is
// added and checked before its handler runs (cross_site_checks.hpp), so no handler can
// forget it.
#pragma once

namespace ehall {

struct RouteRules {
    enum class Body {
        json,  // a body must come as Content-Type: application/json (415 otherwise)
        any,   // HTML forms and Kannel's posts: the handler reads what it is sent
    };
    Body body = Body::json;
    // The route sets or clears a session cookie (logins, logouts, device activation): a
    // request from another site's page is refused (403) by its Origin header.
    bool sets_cookie = false;
};

// The default ({}) is a JSON API or a page that takes no body.
inline constexpr RouteRules cookie_json_route{.body = RouteRules::Body::json, .sets_cookie = true};
inline constexpr RouteRules form_route{.body = RouteRules::Body::any, .sets_cookie = false};
inline constexpr RouteRules cookie_form_route{.body = RouteRules::Body::any, .sets_cookie = true};

}  // namespace ehall
