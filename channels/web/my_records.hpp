// "My records": a customer's recent interactions on every channel, read from the journal
// (a read-only query by msisdn, served by the journal's (msisdn, ts_ms) index).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ehall {

struct InteractionLine {
    std::int64_t ts_ms = 0;
    std::string channel;
    std::string plugin;
    std::string operation;
    std::string outcome;
    std::string code;
    std::optional<std::int64_t> amount_fen;
};

// Newest first, at most `limit`.
std::vector<InteractionLine> recent_interactions(const std::filesystem::path& journal_db,
                                                 const std::string& msisdn, int limit);

}  // namespace ehall
