// One row of the journal's `interactions` table (DESIGN §5, contract columns).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace ehall {

struct InteractionRecord {
    std::int64_t ts_ms = 0;  // UTC epoch milliseconds
    std::string channel;
    std::string subchannel;
    std::string terminal_id;
    std::string session_id;
    std::string request_id;
    std::string msisdn;
    std::string plugin;
    std::string operation;
    std::string business;
    std::string outcome;  // ok | declined | error | rejected
    std::string code;
    std::int64_t latency_us = 0;
    std::optional<std::int64_t> amount_fen;
    std::string offer_id;
    std::string source = "gateway";  // gateway | import
};

// What a customer's "my records" shows of a written or queued record.
struct InteractionLine {
    std::int64_t ts_ms = 0;
    std::string channel;
    std::string plugin;
    std::string operation;
    std::string outcome;
    std::string code;
    std::optional<std::int64_t> amount_fen;
    std::string request_id;  // with the rest, tells a queued record from its written copy
};

}  // namespace ehall
