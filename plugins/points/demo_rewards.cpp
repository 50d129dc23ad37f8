#include "demo_rewards.hpp"

namespace ehall::points {

void seed_demo_rewards(Store& store) {
    store.write([](Transaction& tx) {
        tx.execute(
            "INSERT INTO rewards (item, title, kind, points_price, ecoins_price, "
            "value_fen, stock, brands) VALUES ('VIP-LOUNGE', '机场贵宾厅服务', 'gift', 6000, 0, "
            "0, 10, '全球通') ON CONFLICT DO NOTHING");
        tx.execute(
            "INSERT INTO reward_prices (item, brand, points_price, ecoins_price) "
            "VALUES ('HF30', '全球通', 2700, 0) ON CONFLICT DO NOTHING");
    });
}

}  // namespace ehall::points
