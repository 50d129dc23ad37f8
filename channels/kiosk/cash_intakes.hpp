// Cash intakes (docs/kiosk-cash.md). The touch UI opens one for the number a customer pays
// when it shows the insert-cash screen; the terminal's acceptor reports each note it holds
// in escrow, and the note is accepted (it credits the open intake) or refused (the acceptor
// gives it back): refused without an open intake or over a cap. A terminal has one intake
// at a time until it is paid: opening another replaces an empty one, and an intake holding
// cash stays, to be paid first (cash_payments.hpp), so no note is lost.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <ehall/plugin.hpp>
#include <ehall/store.hpp>
#include "channels/kiosk/cash_caps.hpp"

namespace ehall {

struct CashIntake {
    std::string id;  // also the payment's kiosk_txn
    std::string msisdn;
    std::int64_t total_fen = 0;   // the accepted notes
    std::string state;            // open (takes notes) | paying | paid
    std::string day;              // Asia/Shanghai, of the daily cap it counts against
    std::int64_t updated_ms = 0;  // opened, or the last note accepted
};

// The notes an acceptor takes: 1, 5, 10, 20, 50 and 100 yuan.
bool is_note_value(std::int64_t fen);

class CashIntakes {
  public:
    CashIntakes(Store& store, CashCaps caps) : store_(store), caps_(caps) {}

    struct Opened {
        CashIntake intake;
        bool held = false;  // an earlier intake holding cash, to pay before another opens
    };
    Opened open(const std::string& terminal_id, const std::string& msisdn, std::int64_t now_ms);
    std::optional<CashIntake> find(const std::string& terminal_id, const std::string& id);
    // The intake `id`, taking no more notes once it holds cash, so its total is what gets
    // paid; nothing when the terminal has no such intake.
    std::optional<CashIntake> close(const std::string& terminal_id, const std::string& id);

    struct NoteVerdict {
        ServiceResult result;  // ok: data {accepted, note_id, intake_id, total_fen}
        std::string msisdn;    // of the intake credited or open, for the journal
    };
    // `note_id` is the terminal's own number for the note: reported again, it gets the first
    // verdict (the same amount is required).
    NoteVerdict report_note(const std::string& terminal_id, const std::string& note_id,
                            std::int64_t amount_fen, std::int64_t now_ms);

  private:
    Store& store_;
    CashCaps caps_;
};

}  // namespace ehall
