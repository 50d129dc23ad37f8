// What the points plugin offers every channel, and the tables it owns.
#include "points_manifest.hpp"

namespace ehall::points {

namespace {

// Brand price overrides of the core `rewards` catalog, every redemption, and the
// merchant-alliance voucher codes handed out one per redemption.
constexpr const char* kTables = R"sql(
CREATE TABLE reward_prices (
    item TEXT NOT NULL,
    brand TEXT NOT NULL,
    points_price INTEGER NOT NULL CHECK (points_price >= 0),
    ecoins_price INTEGER NOT NULL CHECK (ecoins_price >= 0),
    PRIMARY KEY (item, brand)
);
CREATE TABLE redemptions (
    id INTEGER PRIMARY KEY,
    msisdn TEXT NOT NULL,
    item TEXT NOT NULL,
    kind TEXT NOT NULL,
    points INTEGER NOT NULL,
    ecoins INTEGER NOT NULL,
    code TEXT,                          -- pickup code (gift) or voucher code
    ts_ms INTEGER NOT NULL
);
CREATE INDEX redemptions_by_customer ON redemptions (msisdn, ts_ms);
CREATE TABLE merchant_voucher_codes (
    item TEXT NOT NULL,
    code TEXT NOT NULL UNIQUE,
    issued_to TEXT,                     -- NULL: still in the pool
    issued_ms INTEGER
);
CREATE INDEX merchant_voucher_codes_unused ON merchant_voucher_codes (item, issued_to);
)sql";

}  // namespace

Manifest points_manifest() {
    Manifest m;
    m.id = "points";
    m.name = "积分兑换";
    m.version = "1.0.0";
    m.operations = {
        {.name = "balance",
         .title = "积分查询",
         .business = "other",
         .reads_only = true,
         .sms_keywords = {"JFCX", "积分查询"},
         .template_name = "points_balance",
         .sms_reply = "您有积分{{points}}分，e币{{ecoins}}个。回复DH查看可兑换"
                      "礼品。"},
        {.name = "catalog",
         .title = "兑换列表",
         .business = "other",
         .reads_only = true,
         .sms_keywords = {"DH", "兑换列表"},
         .template_name = "points_catalog",
         .sms_reply = "{{#items}}{{item}} {{title}} {{points_price}}分；"
                      "{{/items}}{{^items}}暂无可兑换礼品；{{/items}}回复DH 编"
                      "号兑换。"},
        {.name = "redeem",
         .title = "积分兑换",
         .business = "points_redeem",
         .params = {{.name = "item", .label = "礼品编号", .max_length = 32},
                    {.name = "pay_with",
                     .type = ParamType::choice,
                     .required = false,
                     .label = "支付方式",
                     .choices = {"points", "ecoins"}}},
         .needs_confirmation = true,
         .changes_state = true,
         .sms_keywords = {"DH", "兑换"},
         .template_name = "points_redeem",
         .sms_reply = "兑换成功：{{title}}，剩余积分{{points}}，e币{{ecoins}}。"
                      "{{#pickup_code}}提货码{{pickup_code}}。{{/pickup_code}}"
                      "{{#voucher_code}}券码{{voucher_code}}。{{/voucher_code}}",
         .sms_confirm = "将兑换{{item}}，回复Y确认，N取消，{{ttl_minutes}}分钟内"
                        "有效。"},
    };
    // The words every channel shows for this plugin's result fields.
    m.labels = {
        {"points", "积分"},
        {"ecoins", "电子币"},
        {"items", "礼品"},
        {"item", "礼品编号"},
        {"points_price", "所需积分"},
        {"ecoins_price", "所需电子币"},
        {"value_fen", "价值"},
        {"stock", "库存"},
        {"in_stock", "有货"},
        {"affordable", "可兑换"},
        {"redemption_no", "兑换单号"},
        {"points_spent", "使用积分"},
        {"ecoins_spent", "使用电子币"},
        {"pickup_code", "领取码"},
        {"voucher_code", "券码"},
    };
    // And for its enumerated values: reward kinds and the currency paid with.
    m.value_labels = {
        {"phone_credit", "话费"}, {"service_fee", "业务功能费"},
        {"gift", "礼品"},         {"merchant_voucher", "商户券"},
        {"points", "积分"},       {"ecoins", "电子币"},
    };
    m.migrations = {{1, kTables}};
    return m;
}

}  // namespace ehall::points
