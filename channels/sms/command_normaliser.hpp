// How an SMS command is made comparable (DESIGN §7): full-width forms become ASCII,
// Unicode and ideographic spaces become a space, Chinese punctuation becomes a space or
// its ASCII twin, letters are upper-cased, spaces collapse and the ends are trimmed.
// Chinese characters stay as they are.
#pragma once

#include <string>
#include <string_view>

namespace ehall::sms {

// `text` must be valid UTF-8 (the MO decoder guarantees it); invalid bytes are dropped.
std::string normalise_command(std::string_view text);

}  // namespace ehall::sms
