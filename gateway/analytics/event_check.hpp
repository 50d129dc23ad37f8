// The lines of `ehall import events` (DESIGN §6a): their columns, and each line checked into
// the event it records, for either engine's writer.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gateway/analytics/csv_import.hpp"

namespace ehall::analytics {

// A checked event. The texts point into the memory-mapped file or at the vocabulary, both
// alive until the import ends; channel and business index the vocabulary.
struct PendingEvent {
    std::int64_t id = 0;  // the import's rows take the ids after the journal's last
    std::int64_t ts_ms = 0;
    std::string_view msisdn, outcome;
    std::size_t channel = 0, business = 0;
    std::optional<std::int64_t> amount_fen;
    std::string_view hall;  // the imported hall_id, stored as the subchannel; empty: none
};

// ts,msisdn,channel,business,outcome[,amount_fen][,hall_id]
const CsvLayout& event_layout();

// Fills `event` from the fields of one line; returns why the line is bad, "" when it is not.
std::string check_event(const std::vector<std::string_view>& f, const CsvHeader& header,
                        PendingEvent& event);

}  // namespace ehall::analytics
