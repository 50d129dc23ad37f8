// The control group: a deterministic share of each offer's eligible customers who are never
// pushed that offer, so their take-up shows what happens without the campaign. A customer
// is in offer X's control group when the first four bytes of SHA-256("X:msisdn"), read as a
// big-endian number, mod 100 fall below the offer's control_percent.
#pragma once

#include <string>

namespace ehall::offers {

int control_bucket(const std::string& offer_id, const std::string& msisdn);  // 0..99

inline bool in_control_group(const std::string& offer_id, const std::string& msisdn,
                             int control_percent) {
    return control_bucket(offer_id, msisdn) < control_percent;
}

}  // namespace ehall::offers
