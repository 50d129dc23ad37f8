// What each stable result code means to HTTP, to the journal and to people (DESIGN §6b).
#pragma once

#include <boost/beast/http/status.hpp>
#include <ostream>
#include <string>
#include <string_view>

namespace ehall {

// HTTP status of a result code; unknown business codes are 422.
boost::beast::http::status http_status_for(std::string_view code);
// Journal outcome: ok | declined (the business said no) | rejected (the request was not
// acceptable: bad input, no login, disabled, rate limited) | error (we failed).
std::string_view outcome_for(std::string_view code);
// A short Chinese message for people, the default when a plugin gives none.
std::string_view message_for(std::string_view code);

}  // namespace ehall
