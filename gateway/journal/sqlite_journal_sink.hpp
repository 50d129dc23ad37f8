// The journal in its own SQLite file (var/journal.db), written in multi-row INSERTs with its
// WAL checkpointed beside the writer (wal_checkpointer.hpp). "My records" reads it through the
// summary file (journal_summary.hpp).
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>

#include "gateway/journal/journal_sink.hpp"

namespace ehall {

class SqliteJournalSink final : public JournalSink {
  public:
    // Opens (and creates) the file; throws std::runtime_error naming it. `long_reads` is
    // shared with the summary's updater (WalCheckpointer::Options) and must outlive this.
    SqliteJournalSink(std::filesystem::path path, std::mutex* long_reads);
    ~SqliteJournalSink() override;

    std::optional<std::string> insert(const std::vector<const InteractionRecord*>& batch) override;
    void writer_stopped() override { db_.reset(); }
    std::vector<InteractionLine> written_for(const std::string& msisdn, int limit) const override;
    std::string describe() const override { return path_.string(); }

  private:
    class Database;  // the connection, its cached INSERTs and checkpointer
    std::filesystem::path path_;
    std::unique_ptr<Database> db_;
};

}  // namespace ehall
