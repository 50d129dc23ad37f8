// What the billing plugin offers every channel.
#include "plugins/billing/billing_manifest.hpp"

namespace ehall::billing {

Manifest billing_manifest() {
    Manifest m;
    m.id = "billing";
    m.name = "话费账单";
    m.version = "1.0.0";
    m.operations = {
        {.name = "balance",
         .title = "话费余额",
         .business = "balance_query",
         .sms_keywords = {"YE", "余额"},
         .template_name = "billing_balance"},
        {.name = "bill",
         .title = "账单查询",
         .business = "bill_query",
         .sms_keywords = {"ZD", "账单"},
         .template_name = "billing_bill"},
        {.name = "history",
         .title = "交费记录",
         .business = "other",
         .sms_keywords = {"JL", "记录"},
         .template_name = "billing_history"},
    };
    return m;
}

}  // namespace ehall::billing
