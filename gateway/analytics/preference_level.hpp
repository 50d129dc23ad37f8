// The preference level of DESIGN §6a: share = n / total, level 0 when n is 0, else
// ceil(5 x share), in integers only so that shares of exactly 0.6, 0.8, 1.0 land on 3, 4, 5.
#pragma once

#include <cstdint>

namespace ehall::analytics {

constexpr int preference_level(std::int64_t n, std::int64_t total) {
    if (n <= 0 || total <= 0)
        return 0;
    return static_cast<int>((5 * n + total - 1) / total);
}

}  // namespace ehall::analytics
