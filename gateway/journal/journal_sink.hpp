// Where the journal's writer puts its batches: the SQLite file (sqlite_journal_sink.hpp) or
// the `interactions` table of the PostgreSQL store (pg_journal_sink.hpp, DESIGN §9).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <ehall/store.hpp>

#include "gateway/journal/interaction_record.hpp"

namespace ehall {

// A row with the columns of InteractionLine (ts_ms, channel, plugin, operation, outcome, code,
// amount_fen, request_id), as each sink's written_for selects them.
InteractionLine interaction_line_of(const Row& row);

class JournalSink {
  public:
    virtual ~JournalSink() = default;

    // Writes the batch in one transaction, from the writer's thread only. Returns the error,
    // with everything rolled back.
    virtual std::optional<std::string> insert(
        const std::vector<const InteractionRecord*>& batch) = 0;
    // The writer has stopped: closes what it wrote with (SQLite checkpoints its WAL into the
    // file). written_for still works.
    virtual void writer_stopped() = 0;
    // The customer's newest `limit` written rows, newest first; safe from any thread.
    virtual std::vector<InteractionLine> written_for(const std::string& msisdn,
                                                     int limit) const = 0;
    // Where the records go, for logs (never a password).
    virtual std::string describe() const = 0;
};

}  // namespace ehall
