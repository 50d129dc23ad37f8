#include "channels/web/customer_summary.hpp"

namespace ehall {

std::optional<CustomerSummary> read_customer_summary(Store& store, const std::string& msisdn) {
    std::optional<CustomerSummary> summary;
    store.read([&](Transaction& tx) {
        auto rows = tx.query(
            "SELECT c.name, c.brand, a.balance_fen, a.points AS points_balance, "
            "a.ecoins AS ecoins_balance, "
            "(SELECT COALESCE(SUM(amount_fen), 0) FROM bills b "
            " WHERE b.msisdn = c.msisdn AND b.status = 'due') AS due_fen "
            "FROM customers c JOIN accounts a ON a.msisdn = c.msisdn WHERE c.msisdn = ?",
            {msisdn});
        if (rows.empty())
            return;
        const Row& row = rows.front();
        summary = CustomerSummary{.name = row.text("name"),
                                  .brand = row.text("brand"),
                                  .balance_fen = row.integer("balance_fen"),
                                  .due_fen = row.integer("due_fen"),
                                  .points_balance = row.integer("points_balance"),
                                  .ecoins_balance = row.integer("ecoins_balance")};
    });
    return summary;
}

}  // namespace ehall
