#include "control_group.hpp"

#include <openssl/sha.h>

#include <cstdint>

namespace ehall::offers {

int control_bucket(const std::string& offer_id, const std::string& msisdn) {
    const std::string key = offer_id + ":" + msisdn;
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(key.data()), key.size(), digest);
    const std::uint32_t first = (std::uint32_t{digest[0]} << 24) |
                                (std::uint32_t{digest[1]} << 16) | (std::uint32_t{digest[2]} << 8) |
                                std::uint32_t{digest[3]};
    return static_cast<int>(first % 100);
}

}  // namespace ehall::offers
