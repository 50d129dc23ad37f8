#include "gateway/journal/pg_journal_sink.hpp"

#include <map>
#include <string_view>
#include <tuple>
#include <utility>

#include "gateway/journal/copy_text.hpp"
#include "gateway/journal/journal_summary.hpp"
#include "gateway/journal/pg_journal_schema.hpp"
#include "gateway/store/database_url.hpp"
#include "gateway/store/pg_connection.hpp"
#include "gateway/store/pg_store.hpp"

namespace ehall {

namespace {

// Two connections are enough for "my records": one short indexed query each.
constexpr std::size_t kReaderConnections = 2;

// The batch's counts, in monthly_usage's key order; every writer upserts in that order, so
// two instances' batches never wait for each other in a cycle.
using UsageKey = std::tuple<int, std::string_view, std::string_view, std::string_view>;
using Usage = std::map<UsageKey, std::int64_t>;

void append_row(std::string& rows, const InteractionRecord& r) {
    append_copy_integer(rows, r.ts_ms);
    for (const std::string* text :
         {&r.channel, &r.subchannel, &r.terminal_id, &r.session_id, &r.request_id, &r.msisdn,
          &r.plugin, &r.operation, &r.business, &r.outcome, &r.code}) {
        rows.push_back('\t');
        append_copy_text_or_null(rows, *text);
    }
    rows.push_back('\t');
    append_copy_integer(rows, r.latency_us);
    rows.push_back('\t');
    if (r.amount_fen)
        append_copy_integer(rows, *r.amount_fen);
    else
        append_copy_null(rows);
    rows.push_back('\t');
    append_copy_text_or_null(rows, r.offer_id);
    rows.push_back('\t');
    append_copy_text(rows, r.source.empty() ? std::string_view("gateway") : r.source);
    rows.push_back('\n');
}

std::string usage_rows(const Usage& usage) {
    std::string rows;
    for (const auto& [key, n] : usage) {
        const auto& [month, business, msisdn, channel] = key;
        append_copy_integer(rows, month);
        rows.push_back('\t');
        append_copy_text(rows, business);
        rows.push_back('\t');
        append_copy_text(rows, msisdn);
        rows.push_back('\t');
        append_copy_text(rows, channel);
        rows.push_back('\t');
        append_copy_integer(rows, n);
        rows.push_back('\n');
    }
    return rows;
}

constexpr const char* kUsageBatch =
    "CREATE TEMP TABLE IF NOT EXISTS usage_batch (month INTEGER, business TEXT, msisdn TEXT, "
    "channel TEXT, n BIGINT) ON COMMIT DELETE ROWS";
constexpr const char* kMergeUsage =
    "INSERT INTO monthly_usage SELECT * FROM usage_batch ORDER BY 1, 2, 3, 4 "
    "ON CONFLICT (month, business, msisdn, channel) DO UPDATE SET n = monthly_usage.n + "
    "excluded.n";
constexpr const char* kNewestOfCustomer =
    "SELECT ts_ms, channel, plugin, operation, outcome, code, amount_fen, request_id "
    "FROM interactions WHERE msisdn = ? ORDER BY ts_ms DESC, id DESC LIMIT ?";

}  // namespace

PgJournalSink::PgJournalSink(std::string url)
    : url_(std::move(url)),
      shown_url_(without_password(url_)),
      reader_(std::make_unique<PgStore>(
          PgStore::Options{.url = url_, .max_connections = kReaderConnections})) {
    connect();
}

PgJournalSink::~PgJournalSink() = default;

void PgJournalSink::writer_stopped() {
    writer_.reset();
}

void PgJournalSink::connect() {
    writer_.reset();
    auto connection = std::make_unique<PgConnection>(url_, shown_url_);
    apply_pg_journal_schema(*connection);
    connection->run_raw(kUsageBatch);
    writer_ = std::move(connection);
}

std::optional<std::string> PgJournalSink::insert(
    const std::vector<const InteractionRecord*>& batch) {
    try {
        if (!writer_ || writer_->broken())
            connect();
        write(batch);
        return std::nullopt;
    } catch (const std::exception& e) {
        if (writer_)
            writer_->rollback_quietly();
        return e.what();
    }
}

void PgJournalSink::write(const std::vector<const InteractionRecord*>& batch) {
    std::string rows;
    Usage usage;
    for (const InteractionRecord* record : batch) {
        append_row(rows, *record);
        const auto month = monthly_usage_month(record->ts_ms);
        if (month && !partitions_.contains(*month)) {
            ensure_pg_journal_partition(*writer_, *month);
            partitions_.insert(*month);
        }
        if (month && record->outcome == "ok" && monthly_usage_counts(record->business))
            usage[{*month, record->business, record->msisdn, record->channel}] += 1;
    }
    writer_->run_raw("BEGIN");
    writer_->copy_in(
        (std::string("COPY interactions (") + pg_interaction_columns + ") FROM STDIN").c_str(),
        rows);
    if (!usage.empty()) {
        writer_->copy_in("COPY usage_batch FROM STDIN", usage_rows(usage));
        writer_->run_raw(kMergeUsage);
    }
    writer_->run_raw("COMMIT");
}

std::vector<InteractionLine> PgJournalSink::written_for(const std::string& msisdn,
                                                        int limit) const {
    std::vector<InteractionLine> lines;
    reader_->read([&](Transaction& tx) {
        for (const Row& row : tx.query(kNewestOfCustomer, {msisdn, std::int64_t{limit}}))
            lines.push_back(interaction_line_of(row));
    });
    return lines;
}

}  // namespace ehall
