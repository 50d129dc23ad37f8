// A logged-in customer's (or ops person's) session as the channels see it.
#pragma once

#include <string>

namespace ehall {

struct CustomerSession {
    std::string session_id;  // a public handle for logs and the journal, not the token
    std::string msisdn;
    std::string channel;
    std::string terminal_id;
    std::string csrf_token;
};

}  // namespace ehall
