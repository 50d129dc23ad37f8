// Receipt data for what a kiosk prints after an operation, and reprints later. Receipts of
// successful operations are kept in the store; a retried operation with the same kiosk
// transaction number gets the receipt of the first attempt, not a second one.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include <ehall/store.hpp>

namespace ehall {

struct ReceiptFacts {
    std::string terminal_id{};
    std::string hall{};
    std::string operation{};  // "<plugin>.<operation>", as the journal names it
    std::string title{};      // "交话费"
    std::string msisdn{};     // shown masked; empty when anonymous
    std::string code{};       // the result code, "ok" for a kept receipt
    std::int64_t amount_fen = 0;
};

class KioskReceipts {
  public:
    explicit KioskReceipts(Store& store) : store_(store) {}

    // A kept, reprintable receipt. With a `kiosk_txn` the terminal already has a receipt
    // for, that receipt comes back unchanged.
    nlohmann::json issue(const ReceiptFacts& facts, const std::string& kiosk_txn,
                         std::int64_t now_ms);
    // The receipt data for a failed operation: shown, not kept (no number to reprint).
    static nlohmann::json unkept(const ReceiptFacts& facts, std::int64_t now_ms);
    // The kept receipt `receipt_no`, only for the terminal that printed it.
    std::optional<nlohmann::json> find(const std::string& receipt_no,
                                       const std::string& terminal_id);

  private:
    Store& store_;
};

}  // namespace ehall
