#include "gateway/store/demo_data.hpp"

#include <chrono>
#include <initializer_list>
#include <string>

#include <ehall/clock.hpp>
#include "gateway/base/password_hash.hpp"

namespace ehall {

namespace {

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;
constexpr char kZhang[] = "13800138000";
constexpr char kLi[] = "13900139000";

void insert_customer(Transaction& tx, const char* msisdn, const char* name, const char* brand,
                     const char* join_date, const std::string& password_hash, SqlValue bank_card,
                     std::int64_t balance_fen, std::int64_t points, std::int64_t ecoins) {
    tx.execute(
        "INSERT INTO customers (msisdn, name, brand, home_area, join_date, password_hash, "
        "bank_card) VALUES (?, ?, ?, '0755', ?, ?, ?)",
        {msisdn, name, brand, join_date, password_hash, std::move(bank_card)});
    tx.execute("INSERT INTO accounts (msisdn, balance_fen, points, ecoins) VALUES (?, ?, ?, ?)",
               {msisdn, balance_fen, points, ecoins});
}

// Bills for the months before the current one, newest first; only the newest may be due.
void insert_bills(Transaction& tx, const char* msisdn, std::int64_t now_ms,
                  std::initializer_list<std::int64_t> amounts_fen, bool newest_due) {
    std::string issued_in = shanghai_month(now_ms);  // a month's bill is issued on the 1st after
    bool due = newest_due;
    for (const std::int64_t amount : amounts_fen) {
        const std::string month = previous_month(issued_in);
        const std::int64_t issued_ms = shanghai_month_start_ms(issued_in);
        SqlParams row{msisdn, month, amount, due ? "due" : "paid", issued_ms, nullptr};
        if (!due)
            row.back() = issued_ms + 9 * kDayMs;  // paid_at_ms
        tx.execute(
            "INSERT INTO bills (msisdn, month, amount_fen, status, issued_at_ms, paid_at_ms) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            row);
        issued_in = month;
        due = false;
    }
}

void insert_catalog(Transaction& tx) {
    const char* const vouchers[] = {"1000000000000000001", "1000000000000000002",
                                    "1000000000000000003", "1000000000000000004",
                                    "1000000000000000005"};
    for (const char* pin : vouchers) {
        tx.execute("INSERT INTO vouchers (pin, amount_fen) VALUES (?, 5000)", {pin});
    }
    tx.execute(
        "INSERT INTO terminals (id, hall, location, key) VALUES ('KIOSK-0001', 'FS-CC-01', "
        "'佛山禅城营业厅', 'demo-kiosk-key-0001')");
    tx.execute(
        "INSERT INTO rewards (item, title, kind, points_price, ecoins_price, value_fen, stock) "
        "VALUES ('HF10', '10元话费', 'phone_credit', 1000, 0, 1000, NULL), "
        "('HF30', '30元话费', 'phone_credit', 3000, 0, 3000, NULL), "
        "('GIFT-UMBRELLA', '雨伞', 'gift', 2500, 0, 0, 20), "
        "('MV-COFFEE20', '20元咖啡券', 'merchant_voucher', 1500, 150, 2000, NULL)");
    tx.execute("INSERT INTO segments (msisdn, tag) VALUES (?, 'ld_no_12593')", {kZhang});
}

}  // namespace

bool load_demo_data(Store& store, std::int64_t now_ms) {
    const char* const any_customer = "SELECT 1 FROM customers LIMIT 1";
    bool empty = false;
    store.read([&](Transaction& tx) { empty = tx.query(any_customer).empty(); });
    if (!empty)
        return false;
    // Hashed before the write transaction: each hash takes tens of milliseconds.
    const std::string zhang_hash = hash_password("135790");
    const std::string li_hash = hash_password("246802");
    bool loaded = false;
    store.write([&](Transaction& tx) {
        if (!tx.query(any_customer).empty())
            return;  // another process was first
        insert_customer(tx, kZhang, "张三", "全球通", "2019-05-12", zhang_hash, "6222****1234",
                        5860, 12000, 300);
        insert_customer(tx, kLi, "李四", "神州行", "2021-08-01", li_hash, nullptr, 1200, 800, 0);
        insert_bills(tx, kZhang, now_ms, {12850, 9800, 11200, 13500, 10650, 12300}, true);
        insert_bills(tx, kLi, now_ms, {3900, 4200}, false);
        insert_catalog(tx);
        loaded = true;
    });
    return loaded;
}

}  // namespace ehall
