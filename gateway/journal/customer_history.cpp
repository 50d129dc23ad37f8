#include "gateway/journal/customer_history.hpp"

#include <algorithm>
#include <tuple>

#include "gateway/journal/journal.hpp"

namespace ehall {

namespace {

InteractionLine line_of(const InteractionRecord& record) {
    return {.ts_ms = record.ts_ms,
            .channel = record.channel,
            .plugin = record.plugin,
            .operation = record.operation,
            .outcome = record.outcome,
            .code = record.code,
            .amount_fen = record.amount_fen,
            .request_id = record.request_id};
}

auto identity(const InteractionLine& line) {
    return std::tie(line.ts_ms, line.request_id, line.channel, line.plugin, line.operation,
                    line.outcome, line.code, line.amount_fen);
}

}  // namespace

std::vector<InteractionLine> recent_interactions(const Journal& journal, const std::string& msisdn,
                                                 int limit) {
    // Queued first, the file second: a record leaves the queue only once it is in the file,
    // so none is missed; one written in between is in both and shown once.
    auto queued = journal.pending_for(msisdn, static_cast<std::size_t>(limit));
    auto lines = journal.written_for(msisdn, limit);
    // Newest last in the queue: prepended in reverse, they come out newest first.
    std::vector<InteractionLine> fresh;
    for (auto it = queued.rbegin(); it != queued.rend(); ++it) {
        InteractionLine line = line_of(*it);
        auto same = [&](const InteractionLine& w) { return identity(w) == identity(line); };
        if (std::none_of(lines.begin(), lines.end(), same))
            fresh.push_back(std::move(line));
    }
    lines.insert(lines.begin(), std::make_move_iterator(fresh.begin()),
                 std::make_move_iterator(fresh.end()));
    // Queued records are the newest appended, but an imported or clock-skewed row may be later.
    std::stable_sort(lines.begin(), lines.end(),
                     [](const auto& a, const auto& b) { return a.ts_ms > b.ts_ms; });
    if (lines.size() > static_cast<std::size_t>(limit))
        lines.resize(static_cast<std::size_t>(limit));
    return lines;
}

}  // namespace ehall
