#include "account_reads.hpp"

#include <ehall/clock.hpp>

namespace ehall::billing {

ServiceResult read_balance(Store& store, const std::string& msisdn) {
    ServiceResult result = ServiceResult::error("not_found", "no account for this number");
    store.read([&](Transaction& tx) {
        auto rows = tx.query(
            "SELECT a.balance_fen, c.brand FROM accounts a JOIN customers c "
            "ON c.msisdn = a.msisdn WHERE a.msisdn = ?",
            {msisdn});
        if (rows.empty())
            return;
        const Row& row = rows.front();
        // Filled key by key: an initializer list builds a temporary array per pair, and
        // this is the most frequent call of all.
        nlohmann::json data = nlohmann::json::object();
        data["msisdn"] = msisdn;
        data["balance_fen"] = row.integer("balance_fen");
        data["brand"] = row.text("brand");
        result = ServiceResult::ok(std::move(data));
    });
    return result;
}

ServiceResult read_bills(Store& store, const std::string& msisdn) {
    nlohmann::json months = nlohmann::json::array();
    std::int64_t due_fen = 0;
    store.read([&](Transaction& tx) {
        for (const auto& row :
             tx.query("SELECT month, amount_fen, status FROM bills WHERE msisdn = ? "
                      "ORDER BY month DESC LIMIT 7",
                      {msisdn})) {
            months.push_back({{"month", row.text("month")},
                              {"amount_fen", row.integer("amount_fen")},
                              {"status", row.text("status")}});
        }
        due_fen = tx.query(
                        "SELECT coalesce(sum(amount_fen), 0) AS due FROM bills "
                        "WHERE msisdn = ? AND status = 'due'",
                        {msisdn})
                      .front()
                      .integer("due");
    });
    nlohmann::json data = {{"msisdn", msisdn}, {"due_fen", due_fen}, {"months", months}};
    data["current"] = months.empty() ? nlohmann::json(nullptr) : months.front();
    return ServiceResult::ok(std::move(data));
}

ServiceResult read_history(Store& store, const std::string& msisdn) {
    nlohmann::json entries = nlohmann::json::array();
    store.read([&](Transaction& tx) {
        for (const auto& row :
             tx.query("SELECT ts_ms, delta_fen, kind, channel, reference FROM balance_ledger "
                      "WHERE msisdn = ? AND delta_fen > 0 ORDER BY ts_ms DESC, id DESC LIMIT 20",
                      {msisdn})) {
            entries.push_back({{"time", shanghai_datetime(row.integer("ts_ms"))},
                               {"amount_fen", row.integer("delta_fen")},
                               {"kind", row.text("kind")},
                               {"channel", row.text("channel")},
                               {"reference", row.text("reference")}});
        }
    });
    return ServiceResult::ok({{"msisdn", msisdn}, {"entries", entries}});
}

}  // namespace ehall::billing
