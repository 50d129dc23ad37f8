// What the 3-yuan family package (3元亲情包) offers every channel, and its tables.
#include "family_manifest.hpp"

namespace ehall::family {

namespace {

// Packages are addressed by id when a customer holds more than one; optional everywhere,
// so the short SMS commands work for the usual single package.
ParamSpec package_id_param() {
    return {.name = "package_id",
            .type = ParamType::integer,
            .required = false,
            .label = "亲情包编号",
            .min = 1,
            .max = 2147483647};
}

ParamSpec phone_param(const char* name, const char* label) {
    return {.name = name,
            .type = ParamType::phone,
            .label = label,
            .invalid_code = "family_number_invalid"};
}

const char* const kTables = R"sql(
CREATE TABLE family_packages (
    id INTEGER PRIMARY KEY,
    msisdn TEXT NOT NULL REFERENCES customers(msisdn),
    status TEXT NOT NULL CHECK (status IN ('active', 'cancelling')),
    opened_ms INTEGER NOT NULL,
    ends_on TEXT                        -- YYYY-MM-DD Asia/Shanghai, set when cancelled
);
CREATE INDEX family_packages_by_customer ON family_packages (msisdn);
CREATE TABLE family_members (
    package_id INTEGER NOT NULL REFERENCES family_packages(id),
    number TEXT NOT NULL,
    added_ms INTEGER NOT NULL,
    UNIQUE (package_id, number)
);
-- Free minutes used per package and calendar month (YYYY-MM, Asia/Shanghai).
CREATE TABLE family_usage (
    package_id INTEGER NOT NULL REFERENCES family_packages(id),
    month TEXT NOT NULL,
    minutes_used INTEGER NOT NULL DEFAULT 0 CHECK (minutes_used >= 0),
    PRIMARY KEY (package_id, month)
);
)sql";

// A member's place in the list: kept when the number is changed, so a changed number
// stays where the old one was (the order no longer rests on SQLite's rowid).
constexpr const char* kMemberSlots = R"sql(
ALTER TABLE family_members ADD COLUMN slot INTEGER NOT NULL DEFAULT 0;
UPDATE family_members SET slot = added_ms;
)sql";

}  // namespace

Manifest family_manifest() {
    Manifest m;
    m.id = "family";
    m.name = "3元亲情包";
    m.version = "1.0.0";
    m.operations = {
        {.name = "open",
         .title = "开通亲情包",
         .business = "package_change",
         .changes_state = true,
         .charges_customer = true,  // the monthly fee
         .sms_keywords = {"QQB KT", "亲情包开通", "开通亲情包"},
         .template_name = "family_open",
         .sms_reply = "3元亲情包已开通（编号{{package_id}}），月费"
                      "{{monthly_fee_yuan}}元，可加{{max_members}}个亲情号码："
                      "回复QQB TJ 号码。"},
        {.name = "add",
         .title = "添加亲情号码",
         .business = "package_change",
         .params = {phone_param("number", "亲情号码"), package_id_param()},
         .changes_state = true,
         .sms_keywords = {"QQB TJ", "亲情号添加", "添加亲情号"},
         .template_name = "family_add",
         .sms_reply = "已添加亲情号码{{number}}。"},
        {.name = "remove",
         .title = "删除亲情号码",
         .business = "package_change",
         .params = {phone_param("number", "亲情号码"), package_id_param()},
         .changes_state = true,
         .sms_keywords = {"QQB SC", "亲情号删除", "删除亲情号"},
         .template_name = "family_remove",
         .sms_reply = "已删除亲情号码{{number}}。"},
        {.name = "change",
         .title = "变更亲情号码",
         .business = "package_change",
         .params = {phone_param("old", "原号码"), phone_param("new", "新号码"), package_id_param()},
         .changes_state = true,
         .charges_customer = true,  // per number changed
         .sms_keywords = {"QQB BG", "亲情号变更", "变更亲情号"},
         .template_name = "family_change",
         .sms_reply = "亲情号码{{old}}已改为{{new}}{{#fee_positive}}，收费"
                      "{{fee_yuan}}元{{/fee_positive}}。"},
        {.name = "show",
         .title = "亲情包查询",
         .business = "other",
         .sms_keywords = {"QQB CX", "亲情包查询", "查询亲情包"},
         .template_name = "family_show",
         .sms_reply = "{{#packages}}亲情包{{package_id}}：{{#members}}"
                      "{{number}} {{/members}}{{^members}}暂无号码 {{/members}}"
                      "本月剩余免费{{free_minutes_left}}分钟。{{/packages}}"
                      "{{^packages}}您未开通亲情包，回复QQB KT开通。"
                      "{{/packages}}"},
        {.name = "cancel",
         .title = "取消亲情包",
         .business = "package_change",
         .params = {package_id_param()},
         .changes_state = true,
         .sms_keywords = {"QQB QX", "亲情包取消", "取消亲情包"},
         .template_name = "family_cancel",
         .sms_reply = "亲情包{{package_id}}已申请取消，{{ends_on}}后失效。"},
    };
    // The words every channel shows for this plugin's result fields.
    m.labels = {
        {"packages", "亲情包"},
        {"package_id", "亲情包编号"},
        {"members", "亲情号码"},
        {"number", "号码"},
        {"free_minutes", "每月免费分钟"},
        {"free_minutes_left", "本月剩余免费分钟"},
        {"free_minutes_used", "本月已用免费分钟"},
        {"monthly_fee_fen", "月功能费"},
        {"charged_fen", "本次扣费"},
        {"fee_fen", "手续费"},
        {"max_members", "亲情号码上限"},
        {"opened", "开通时间"},
        {"ends_on", "截止日期"},
        {"added", "添加时间"},
        {"old", "原号码"},
        {"new", "新号码"},
    };
    // And for a package's states.
    m.value_labels = {{"active", "生效中"}, {"cancelling", "本月底结束"}};
    m.migrations = {{1, kTables}, {2, kMemberSlots}};
    // A package opened before the month ended and not cancelled, or ending on its last day
    // or later (a cancelled package lasts to the end of the month it was cancelled in).
    m.holding_sql =
        "SELECT msisdn FROM family_packages WHERE opened_ms < ?1 "
        "AND (status = 'active' OR ends_on >= ?2)";
    return m;
}

}  // namespace ehall::family
