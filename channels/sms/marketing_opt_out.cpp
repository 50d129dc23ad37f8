#include "channels/sms/marketing_opt_out.hpp"

namespace ehall::sms {

void MarketingOptOut::opt_out(const std::string& msisdn, std::int64_t now_ms) {
    store_.write([&](Transaction& tx) {
        tx.execute(
            "INSERT INTO sms_opt_out (msisdn, ts_ms) VALUES (?, ?) "
            "ON CONFLICT (msisdn) DO NOTHING",
            {msisdn, now_ms});
    });
}

void MarketingOptOut::opt_in(const std::string& msisdn) {
    store_.write(
        [&](Transaction& tx) { tx.execute("DELETE FROM sms_opt_out WHERE msisdn = ?", {msisdn}); });
}

bool MarketingOptOut::opted_out(const std::string& msisdn) {
    bool found = false;
    store_.read([&](Transaction& tx) {
        found = !tx.query("SELECT 1 AS x FROM sms_opt_out WHERE msisdn = ?", {msisdn}).empty();
    });
    return found;
}

}  // namespace ehall::sms
