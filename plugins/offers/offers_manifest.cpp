// Recommended offers (DESIGN §8): `list` / YH answers on request and is no contact;
// `impression` is the placements' internal push, the only operation that contacts a
// customer; `view`, `accept` / BL and `dismiss` are the customer's responses. The 12593
// long-distance subscription is owned here so the LD12593 offer has a real target.
#include "offers_manifest.hpp"

#include "catalog_admin.hpp"
#include "offers_report.hpp"

namespace ehall::offers {

namespace {

ParamSpec offer_param() {
    return {.name = "offer", .type = ParamType::text, .label = "优惠编号", .max_length = 16};
}

const char* const kContactsSchema = R"sql(
-- Every push (a contact) and every time a control-group customer would have been pushed.
CREATE TABLE offer_contacts (
    id INTEGER PRIMARY KEY,
    msisdn TEXT NOT NULL,
    offer_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('push', 'control')),
    channel TEXT NOT NULL,
    placement TEXT NOT NULL,
    session_id TEXT NOT NULL DEFAULT '',
    month TEXT NOT NULL,                -- YYYY-MM, Asia/Shanghai
    ts_ms INTEGER NOT NULL
);
CREATE INDEX offer_contacts_by_customer ON offer_contacts (msisdn, month);
CREATE UNIQUE INDEX offer_control_once_a_month ON offer_contacts (msisdn, offer_id, month)
    WHERE kind = 'control';
CREATE TABLE offer_dismissals (
    msisdn TEXT NOT NULL,
    offer_id TEXT NOT NULL,
    ts_ms INTEGER NOT NULL,
    PRIMARY KEY (msisdn, offer_id)
);
-- The 12593 long-distance IP dialling discount.
CREATE TABLE ld_subscriptions (
    msisdn TEXT PRIMARY KEY REFERENCES customers(msisdn),
    product TEXT NOT NULL,
    channel TEXT NOT NULL,
    subscribed_ms INTEGER NOT NULL
);
)sql";

// The catalog, which the core's schema held before the plugin owned it: on such a store the
// table is there already, with every column.
const char* const kCatalogSchema = R"sql(
CREATE TABLE IF NOT EXISTS offers (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    sms_text TEXT NOT NULL,
    web_text TEXT NOT NULL,
    segment_tags TEXT NOT NULL DEFAULT '',  -- comma-separated
    brands TEXT NOT NULL DEFAULT '',        -- comma-separated, empty: all
    starts_on TEXT NOT NULL,                -- YYYY-MM-DD, Asia/Shanghai
    ends_on TEXT NOT NULL,
    priority INTEGER NOT NULL DEFAULT 0,
    target_plugin TEXT NOT NULL,
    target_operation TEXT NOT NULL,
    target_params TEXT NOT NULL DEFAULT '{}',
    control_percent INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'active',
    held_check TEXT NOT NULL DEFAULT '',    -- "family.show:packages": the product is held
    updated_ms INTEGER NOT NULL DEFAULT 0
);
)sql";

}  // namespace

Manifest offers_manifest() {
    Manifest m;
    m.id = "offers";
    m.name = "推荐优惠";
    m.version = "1.0.0";
    m.operations = {
        {.name = "list",
         .title = "我的优惠",
         .business = "other",
         .sms_keywords = {"YH", "优惠", "我的优惠"},
         .template_name = "offers_list",
         .sms_reply = "{{#offers}}{{id}} {{title}}：{{sms_text}}。{{/offers}}"
                      "{{^offers}}暂无适合您的优惠。{{/offers}}"},
        {.name = "view",
         .title = "优惠详情",
         .business = "other",
         .params = {offer_param()},
         .template_name = "offers_view",
         .sms_reply = "{{#offer}}{{title}}：{{web_text}}回复BL {{id}}办理。"
                      "{{/offer}}",
         .contextual = true},
        {.name = "accept",
         .title = "办理优惠",
         .business = "offer_accept",
         .params = {offer_param()},
         .changes_state = true,
         .charges_customer = true,  // an offer subscribes a product with a fee
         .sms_keywords = {"BL", "办理"},
         .template_name = "offers_accept",
         .sms_reply = "{{#offer}}{{title}}办理成功。{{/offer}}",
         .sms_confirm = "将办理优惠{{offer}}，回复Y确认，N取消，{{ttl_minutes}}分"
                        "钟内有效。",
         .contextual = true},
        {.name = "dismiss",
         .title = "不感兴趣",
         .business = "other",
         .params = {offer_param()},
         .changes_state = true,
         .template_name = "offers_dismiss",
         .sms_reply = "已记录，不再向您推荐该优惠。",
         .contextual = true},
        {.name = "impression",
         .title = "优惠推送",
         .business = "other",
         .params = {{.name = "placement",
                     .type = ParamType::choice,
                     .choices = {"web_login", "web_home", "kiosk_identify", "sms_reply"}},
                    {.name = "max_sms_units",
                     .type = ParamType::integer,
                     .required = false,
                     .min = 0,
                     .max = 210}},
         .internal = true},
        {.name = "subscribe_ld",
         .title = "开通12593长途优惠",
         .business = "package_change",
         .params = {{.name = "product",
                     .type = ParamType::choice,
                     .required = false,
                     .choices = {"12593"}}},
         .changes_state = true,
         .template_name = "offers_subscribe_ld",
         .sms_reply = "12593长途优惠已开通，拨打国内长途先拨12593即可。"},
        {.name = "ld_status",
         .title = "12593长途优惠查询",
         .business = "other",
         .template_name = "offers_ld_status",
         .sms_reply = "{{#subscribed}}您已开通12593长途优惠（{{since}}起）。"
                      "{{/subscribed}}{{^subscribed}}您未开通12593长途优惠。"
                      "{{/subscribed}}"},
    };
    // Pushes: each a contact, under the caps and TD (DESIGN §8).
    m.placements = {{"web_login", "impression"},
                    {"web_home", "impression"},
                    {"kiosk_identify", "impression"},
                    {"sms_reply", "impression"}};
    m.migrations = {{1, kContactsSchema}, {2, kCatalogSchema}};
    m.admin_operations = catalog_admin_operations();
    m.reports = {offers_report_spec()};
    return m;
}

}  // namespace ehall::offers
