#include "gateway/login_failures.hpp"

namespace ehall {

std::int64_t recent_login_failures(Transaction& tx, const std::string& key, std::int64_t since_ms) {
    return tx
        .query("SELECT count(*) AS n FROM login_failures WHERE msisdn = ? AND ts_ms > ?",
               {key, since_ms})
        .front()
        .integer("n");
}

void record_login_attempt(Transaction& tx, const std::string& key, bool succeeded,
                          std::int64_t now_ms, std::int64_t since_ms) {
    if (succeeded) {
        tx.execute("DELETE FROM login_failures WHERE msisdn = ?", {key});
    } else {
        tx.execute("INSERT INTO login_failures (msisdn, ts_ms) VALUES (?, ?)", {key, now_ms});
        tx.execute("DELETE FROM login_failures WHERE ts_ms < ?", {since_ms});
    }
}

}  // namespace ehall
