#include "channels/kiosk/kiosk_receipts.hpp"

#include <algorithm>
#include <cctype>

#include <ehall/clock.hpp>
#include <ehall/masking.hpp>
#include "gateway/base/random_token.hpp"

namespace ehall {

namespace {

// "K" + Asia/Shanghai yyyymmddHHMMSS + 8 random hex digits: sortable by time, unguessable.
std::string new_receipt_no(std::int64_t now_ms) {
    std::string digits;
    for (char c : shanghai_datetime(now_ms)) {
        if (std::isdigit(static_cast<unsigned char>(c)))
            digits.push_back(c);
    }
    std::string suffix = random_hex(4);
    std::transform(suffix.begin(), suffix.end(), suffix.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    std::string number = "K";
    number.append(digits).append(suffix);
    return number;
}

}  // namespace

nlohmann::json KioskReceipts::unkept(const ReceiptFacts& facts, std::int64_t now_ms) {
    return {{"receipt_no", ""},
            {"hall", facts.hall},
            {"terminal_id", facts.terminal_id},
            {"time", shanghai_datetime(now_ms)},
            {"amount_fen", facts.amount_fen},
            {"operation", facts.operation},
            {"title", facts.title},
            {"msisdn", mask_msisdn(facts.msisdn)},
            {"code", facts.code}};
}

nlohmann::json KioskReceipts::issue(const ReceiptFacts& facts, const std::string& kiosk_txn,
                                    std::int64_t now_ms) {
    nlohmann::json receipt = unkept(facts, now_ms);
    receipt["receipt_no"] = new_receipt_no(now_ms);
    const SqlValue txn = kiosk_txn.empty() ? SqlValue{nullptr} : SqlValue{kiosk_txn};
    store_.write([&](Transaction& tx) {
        // Inside the write transaction, so two concurrent retries agree on one receipt.
        if (!kiosk_txn.empty()) {
            auto rows =
                tx.query("SELECT json FROM kiosk_receipts WHERE terminal_id = ? AND kiosk_txn = ?",
                         {facts.terminal_id, kiosk_txn});
            if (!rows.empty()) {
                receipt = nlohmann::json::parse(rows.front().text("json"));
                return;
            }
        }
        tx.execute(
            "INSERT INTO kiosk_receipts (receipt_no, terminal_id, json, ts_ms, kiosk_txn) "
            "VALUES (?, ?, ?, ?, ?)",
            {receipt["receipt_no"].get<std::string>(), facts.terminal_id, receipt.dump(), now_ms,
             txn});
    });
    return receipt;
}

std::optional<nlohmann::json> KioskReceipts::find(const std::string& receipt_no,
                                                  const std::string& terminal_id) {
    std::optional<nlohmann::json> found;
    store_.read([&](Transaction& tx) {
        auto rows =
            tx.query("SELECT json FROM kiosk_receipts WHERE receipt_no = ? AND terminal_id = ?",
                     {receipt_no, terminal_id});
        if (!rows.empty())
            found = nlohmann::json::parse(rows.front().text("json"));
    });
    return found;
}

}  // namespace ehall
