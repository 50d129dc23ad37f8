// The `ts` field of imported events (DESIGN §6a): ISO-8601 with an offset
// (2026-04-03T10:15:00+08:00, ...Z, optional fraction of a second) or epoch milliseconds.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace ehall::analytics {

// UTC epoch milliseconds, or nothing when the text is neither form or names no real time.
std::optional<std::int64_t> parse_event_time(std::string_view text);

// A calendar date "YYYY-MM-DD" that exists.
bool is_calendar_date(std::string_view text);

}  // namespace ehall::analytics
