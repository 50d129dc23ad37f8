// What the billing plugin offers every channel.
#include "billing_manifest.hpp"

namespace ehall::billing {

Manifest billing_manifest() {
    Manifest m;
    m.id = "billing";
    m.name = "话费账单";
    m.version = "1.1.0";
    m.operations = {
        {.name = "balance",
         .title = "话费余额",
         .business = "balance_query",
         .reads_only = true,
         .sms_keywords = {"YE", "余额"},
         .template_name = "billing_balance",
         .sms_reply = "您的话费余额为{{balance_yuan}}元。"},
        {.name = "bill",
         .title = "账单查询",
         .business = "bill_query",
         .reads_only = true,
         .sms_keywords = {"ZD", "账单"},
         .template_name = "billing_bill",
         .sms_reply = "{{#current}}{{month}}账单{{amount_yuan}}元。{{/current}}"
                      "{{^current}}暂无账单。{{/current}}{{#due_positive}}待缴"
                      "{{due_yuan}}元，回复JF加金额交费。{{/due_positive}}"
                      "{{^due_positive}}已全部缴清。{{/due_positive}}"},
        // Card payments need the logged-in customer; a kiosk reporting cash sets the paid
        // number as the customer (anyone may pay a number's bill in cash).
        {.name = "pay",
         .title = "交话费",
         .business = "payment",
         .params = {{.name = "amount_fen",
                     .type = ParamType::amount,
                     .label = "金额（分）",
                     .min = 1,
                     .max = 1000000},
                    {.name = "method",
                     .type = ParamType::choice,
                     .required = false,  // card when absent, as for SMS "JF <yuan>"
                     .label = "支付方式",
                     .choices = {"card", "cash"},
                     .fixed_on = {{"sms", "card"}}}},  // SMS pays from the bound card
         .changes_state = true,
         .charges_customer = true,
         .sms_keywords = {"JF", "交费"},
         .template_name = "billing_pay",
         .sms_reply = "交费成功：{{amount_yuan}}元，余额{{balance_yuan}}元"
                      "{{#settled_positive}}，已结清账单{{settled_yuan}}元"
                      "{{/settled_positive}}。流水号{{receipt_no}}",
         .sms_confirm = "将从银行卡交费{{amount_yuan}}元，回复Y确认，N取消，"
                        "{{ttl_minutes}}分钟内有效。",
         .cash_for_any_number = true},
        {.name = "topup_voucher",
         .title = "充值卡充值",
         .business = "topup",
         .params = {{.name = "pin",
                     .type = ParamType::digits,
                     .label = "充值卡密码",
                     .min = 19,
                     .max = 19}},
         .changes_state = true,
         .sms_keywords = {"CZ", "充值"},
         .template_name = "billing_topup_voucher",
         .sms_reply = "充值成功：{{amount_yuan}}元已到账，余额{{balance_yuan}}"
                      "元{{#settled_positive}}，已结清账单{{settled_yuan}}元"
                      "{{/settled_positive}}。"},
        {.name = "history",
         .title = "交费记录",
         .business = "other",
         .reads_only = true,
         .sms_keywords = {"JL", "记录"},
         .template_name = "billing_history",
         .sms_reply = "{{#entries}}{{time}} {{amount_yuan}}元；{{/entries}}"
                      "{{^entries}}暂无交费记录。{{/entries}}"},
    };
    // The words every channel shows for this plugin's result fields.
    m.labels = {
        {"due_fen", "待缴金额"},          {"current", "本期账单"},
        {"months", "近期账单"},           {"method", "支付方式"},
        {"receipt_no", "收据号"},         {"payment_id", "交易号"},
        {"reference", "支付流水号"},      {"settled_months", "销账月份"},
        {"ecoins_awarded", "奖励电子币"},
    };
    // And for its enumerated values: payment methods, bill states, balance movements.
    m.value_labels = {
        {"card", "银行卡"},  {"cash", "现金（仅限自助终端）"},
        {"due", "待缴"},     {"paid", "已缴"},
        {"payment", "交费"}, {"voucher", "充值卡"},
    };
    m.migrations = {
        {1, R"sql(
-- Wrong voucher PINs (unknown or used), counted per customer and Asia/Shanghai day.
CREATE TABLE billing_voucher_failures (
    msisdn TEXT NOT NULL,
    ts_ms INTEGER NOT NULL
);
CREATE INDEX billing_voucher_failures_by_customer ON billing_voucher_failures (msisdn, ts_ms);
)sql"},
    };
    return m;
}

}  // namespace ehall::billing
