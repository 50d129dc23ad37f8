// The interactions the gateway journals itself rather than through a plugin: customers'
// logins, the kiosk's own calls and the SMS turns that run no operation. With the loaded
// plugins' operations, these are the only plugin and operation names the journal and the
// metrics take (Dispatcher::known_names); a channel that journals a new one lists it here.
#pragma once

#include <string_view>

namespace ehall {

// Whether `plugin` names a family of the gateway's own interactions ("session", "kiosk",
// "sms").
bool is_own_family(std::string_view plugin);
// Whether `plugin`.`operation` is one of the gateway's own interactions.
bool is_own_interaction(std::string_view plugin, std::string_view operation);
// The business type an own interaction is journaled under ("other" for most).
std::string_view own_business(std::string_view plugin, std::string_view operation);

}  // namespace ehall
