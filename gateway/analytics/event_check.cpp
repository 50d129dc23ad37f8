#include "gateway/analytics/event_check.hpp"

#include <charconv>

#include "gateway/analytics/event_time.hpp"
#include "gateway/analytics/field_checks.hpp"
#include "gateway/analytics/vocabulary.hpp"

namespace ehall::analytics {

namespace {

std::string check_amount(std::string_view value, std::int64_t& fen) {
    const char* end = value.data() + value.size();
    const auto [ptr, ec] = std::from_chars(value.data(), end, fen);
    if (ec != std::errc() || ptr != end || fen < 0 || value.front() == '+')
        return bad_field("amount_fen", value, "is not a whole number of fen");
    return {};
}

// The optional columns, as event_layout lists them.
constexpr std::size_t kAmountColumn = 0, kHallColumn = 1;

}  // namespace

const CsvLayout& event_layout() {
    static const CsvLayout layout{{"ts", "msisdn", "channel", "business", "outcome"},
                                  {"amount_fen", "hall_id"}};
    return layout;
}

std::string check_event(const std::vector<std::string_view>& f, const CsvHeader& header,
                        PendingEvent& event) {
    const auto ts = parse_event_time(f[0]);
    if (!ts)
        return bad_field("ts", f[0], "is neither ISO-8601 with an offset nor epoch milliseconds");
    if (*ts < 0)  // an ISO time whose offset puts it before the epoch
        return bad_field("ts", f[0], "is before 1970-01-01T00:00:00Z");
    event.ts_ms = *ts;
    if (auto bad = check_msisdn(f[1]); !bad.empty())
        return bad;
    event.msisdn = f[1];  // digits only, so it never came from an unescaped quoted field
    event.channel = index_of(channels, f[2]);
    if (event.channel == channels.size())
        return bad_field("channel", f[2], "is not one of " + listing(channels));
    event.business = index_of(businesses, f[3]);
    if (event.business == businesses.size())
        return bad_field("business", f[3], "is not one of " + listing(businesses));
    const std::size_t outcome = index_of(outcomes, f[4]);
    if (outcome == outcomes.size())
        return bad_field("outcome", f[4], "is not one of " + listing(outcomes));
    event.outcome = outcomes[outcome];
    event.amount_fen.reset();
    if (const std::size_t at = header.optional_at[kAmountColumn];
        at != CsvHeader::absent && !f[at].empty()) {
        std::int64_t fen = 0;
        if (auto bad = check_amount(f[at], fen); !bad.empty())
            return bad;
        event.amount_fen = fen;
    }
    event.hall = {};
    if (const std::size_t at = header.optional_at[kHallColumn];
        at != CsvHeader::absent && !f[at].empty()) {
        if (!is_plain_name(f[at]))
            return bad_field("hall_id", f[at], "is not 1 to 64 letters, digits, _ - .");
        event.hall = f[at];
    }
    return {};
}

}  // namespace ehall::analytics
