#include "reward_catalog.hpp"

#include <algorithm>

namespace ehall::points {

namespace {

constexpr const char* kRewardsSql =
    "SELECT r.item, r.title, r.kind, r.value_fen, r.stock, r.brands, "
    "coalesce(p.points_price, r.points_price) AS points_price, "
    "coalesce(p.ecoins_price, r.ecoins_price) AS ecoins_price, "
    "(SELECT count(*) FROM merchant_voucher_codes m "
    " WHERE m.item = r.item AND m.issued_to IS NULL) AS unused_codes "
    "FROM rewards r LEFT JOIN reward_prices p ON p.item = r.item AND p.brand = ? ";

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(' ');
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(' ');
    return std::string(text.substr(first, last - first + 1));
}

// `brands` is a comma-separated list; empty means every brand.
bool offered_to(const std::string& brands, const std::string& brand) {
    if (trimmed(brands).empty())
        return true;
    std::string_view rest = brands;
    while (true) {
        const auto comma = rest.find(',');
        if (trimmed(rest.substr(0, comma)) == brand)
            return true;
        if (comma == std::string_view::npos)
            return false;
        rest.remove_prefix(comma + 1);
    }
}

Reward reward_of(const Row& row) {
    Reward reward{.item = row.text("item"),
                  .title = row.text("title"),
                  .kind = row.text("kind"),
                  .points_price = row.integer("points_price"),
                  .ecoins_price = row.integer("ecoins_price"),
                  .value_fen = row.integer("value_fen"),
                  .unused_codes = row.integer("unused_codes")};
    if (!row.is_null("stock"))
        reward.stock = row.integer("stock");
    return reward;
}

}  // namespace

std::optional<std::int64_t> Reward::stock_left() const {
    if (kind == "merchant_voucher")
        return stock ? std::min(*stock, unused_codes) : unused_codes;
    return stock;
}

std::optional<Customer> find_customer(Transaction& tx, const std::string& msisdn) {
    auto rows = tx.query(
        "SELECT c.brand, a.points, a.ecoins FROM customers c JOIN accounts a "
        "ON a.msisdn = c.msisdn WHERE c.msisdn = ?",
        {msisdn});
    if (rows.empty())
        return std::nullopt;
    const Row& row = rows.front();
    return Customer{.msisdn = msisdn,
                    .brand = row.text("brand"),
                    .points = row.integer("points"),
                    .ecoins = row.integer("ecoins")};
}

std::vector<Reward> rewards_for_brand(Transaction& tx, const std::string& brand) {
    std::vector<Reward> rewards;
    for (const auto& row :
         tx.query(std::string(kRewardsSql) + "ORDER BY points_price, r.item", {brand})) {
        if (offered_to(row.text("brands"), brand))
            rewards.push_back(reward_of(row));
    }
    return rewards;
}

std::optional<Reward> find_reward(Transaction& tx, const std::string& item,
                                  const std::string& brand) {
    // SMS arguments may arrive in lower case; an exact match wins over a case-insensitive one.
    auto rows = tx.query(std::string(kRewardsSql) +
                             "WHERE lower(r.item) = lower(?) ORDER BY r.item = ? DESC LIMIT 1",
                         {brand, item, item});
    if (rows.empty() || !offered_to(rows.front().text("brands"), brand))
        return std::nullopt;
    return reward_of(rows.front());
}

}  // namespace ehall::points
