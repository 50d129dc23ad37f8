// The journal in the PostgreSQL store (DESIGN §9): each instance's writer COPYs its batches
// into the month-partitioned `interactions` and, in the same transaction, adds their counts to
// `monthly_usage` (pg_journal_schema.hpp), so the reports never wait for a summary pass.
#pragma once

#include <memory>
#include <set>
#include <string>

#include "gateway/journal/journal_sink.hpp"

namespace ehall {

class PgConnection;
class PgStore;

class PgJournalSink final : public JournalSink {
  public:
    // Connects and creates the journal's tables if missing; throws StoreError naming the URL
    // without its password.
    explicit PgJournalSink(std::string url);
    ~PgJournalSink() override;

    std::optional<std::string> insert(const std::vector<const InteractionRecord*>& batch) override;
    void writer_stopped() override;
    std::vector<InteractionLine> written_for(const std::string& msisdn, int limit) const override;
    std::string describe() const override { return shown_url_; }

  private:
    void connect();
    void write(const std::vector<const InteractionRecord*>& batch);

    std::string url_;
    std::string shown_url_;
    std::unique_ptr<PgConnection> writer_;  // replaced when the server dropped it
    std::unique_ptr<PgStore> reader_;       // "my records", from request threads
    std::set<int> partitions_;              // months known to have theirs
};

}  // namespace ehall
