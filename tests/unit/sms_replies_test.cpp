// SMS reply texts: yuan amounts, the shipped templates, result and error wording, and the
// per-number rate guard.
#include <boost/test/unit_test.hpp>

#include "channels/sms/sms_length.hpp"
#include "channels/sms/sms_rate_guard.hpp"
#include "channels/sms/sms_replies.hpp"
#include "gateway/base/yuan.hpp"

using namespace ehall;
using namespace ehall::sms;
using namespace std::chrono_literals;

namespace {

const std::filesystem::path shipped = std::filesystem::path(EHALL_SOURCE_DIR) / "templates" / "sms";

// A plugin's SMS words, as its manifest gives them.
const OperationSpec balance_spec{.name = "balance",
                                 .sms_reply = "您的话费余额为{{balance_yuan}}元。"};
const OperationSpec pay_spec{
    .name = "pay",
    .sms_reply =
        "交费成功：{{amount_yuan}}元，余额{{balance_yuan}}元"
        "{{#settled_positive}}，已结清账单{{settled_yuan}}元{{/settled_positive}}。"
        "流水号{{receipt_no}}",
    .sms_confirm =
        "将从银行卡交费{{amount_yuan}}元，回复Y确认，N取消，{{ttl_minutes}}分钟内有效。"};
const OperationSpec redeem_spec{.name = "redeem",
                                .sms_reply =
                                    "兑换成功：{{title}}，剩余积分{{points}}，e币{{ecoins}}。"
                                    "{{#pickup_code}}提货码{{pickup_code}}。{{/pickup_code}}"};

SmsCommand command(std::string plugin, std::string operation, std::string title,
                   std::string template_name, const OperationSpec* spec = nullptr) {
    SmsCommand c;
    c.spec = spec;
    c.plugin = std::move(plugin);
    c.operation = std::move(operation);
    c.title = std::move(title);
    c.template_name = std::move(template_name);
    c.keywords = {"JF"};
    c.usage = "JF <金额(元)>";
    return c;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sms_replies)

BOOST_AUTO_TEST_CASE(parses_yuan_with_at_most_two_decimals) {
    struct Case {
        const char* text;
        std::int64_t fen;  // -1: refused
    };
    const Case cases[] = {{"50", 5000},
                          {"50.5", 5050},
                          {"50.05", 5005},
                          {"0.01", 1},
                          {"058", 5800},
                          {"0", 0},
                          {"50.555", -1},
                          {"50.", -1},
                          {".5", -1},
                          {"-5", -1},
                          {"+5", -1},
                          {"5e3", -1},
                          {"", -1},
                          {"1.2.3", -1},
                          {"五十", -1},
                          {"1000000000", -1},
                          {"100000000", 10000000000}};
    for (const auto& c : cases) {
        BOOST_TEST(parse_yuan(c.text).value_or(-1) == c.fen, "text '" << c.text << "'");
    }
}

BOOST_AUTO_TEST_CASE(formats_fen_as_yuan_everywhere_in_the_data) {
    BOOST_TEST(format_yuan(5860) == "58.60");
    BOOST_TEST(format_yuan(5) == "0.05");
    BOOST_TEST(format_yuan(0) == "0.00");
    BOOST_TEST(format_yuan(-1250) == "-12.50");
    nlohmann::json data = {{"balance_fen", 5860},
                           {"settled_fen", 0},
                           {"current", {{"amount_fen", 12850}}},
                           {"entries", {{{"amount_fen", -300}}}},
                           {"_fen", 1},
                           {"name_fen", "not a number"}};
    add_yuan_fields(data);
    BOOST_TEST(data["balance_yuan"] == "58.60");
    BOOST_TEST(data["balance_positive"] == true);
    BOOST_TEST(data["settled_positive"] == false);
    BOOST_TEST(data["current"]["amount_yuan"] == "128.50");
    BOOST_TEST(data["entries"][0]["amount_yuan"] == "-3.00");
    BOOST_TEST(!data.contains("_yuan"));
    BOOST_TEST(!data.contains("name_yuan"));
}

BOOST_AUTO_TEST_CASE(ships_every_template_the_hall_names) {
    BOOST_CHECK_NO_THROW(SmsTemplates(shipped, sms_hall_templates()));
    BOOST_CHECK_THROW(SmsTemplates(shipped, {"no_such_template"}), std::runtime_error);
    BOOST_CHECK_THROW(SmsTemplates(shipped / "missing", {}), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(renders_results_with_yuan_and_without_html_escaping) {
    SmsTemplates templates(shipped, sms_hall_templates());
    SmsReplies replies(templates);
    auto balance = command("billing", "balance", "话费余额", "billing_balance", &balance_spec);
    BOOST_TEST(replies.result(balance, ServiceResult::ok({{"balance_fen", 5860}})) ==
               "您的话费余额为58.60元。");
    auto pay = command("billing", "pay", "交话费", "billing_pay", &pay_spec);
    auto paid = ServiceResult::ok({{"amount_fen", 5000},
                                   {"balance_fen", 10860},
                                   {"settled_fen", 0},
                                   {"receipt_no", "P<&>01"}});
    BOOST_TEST(replies.result(pay, paid) == "交费成功：50.00元，余额108.60元。流水号P<&>01");
    // A plugin's own `title` wins over the operation's.
    auto redeem = command("points", "redeem", "积分兑换", "points_redeem", &redeem_spec);
    auto redeemed = ServiceResult::ok(
        {{"title", "10元话费"}, {"points", 11000}, {"ecoins", 300}, {"pickup_code", "12345678"}});
    BOOST_TEST(replies.result(redeem, redeemed) ==
               "兑换成功：10元话费，剩余积分11000，e币300。提货码12345678。");
    // No template of its own: the generic one.
    auto bare = command("other", "thing", "某业务", "");
    BOOST_TEST(replies.result(bare, ServiceResult::ok()) == "某业务办理成功。");
    // An operator's template rewords a plugin's reply.
    SmsTemplates reworded(std::map<std::string, std::string, std::less<>>{
        {"billing_balance", "余额{{balance_yuan}}元"}, {"done", "好"}});
    BOOST_TEST(SmsReplies(reworded).result(balance, ServiceResult::ok({{"balance_fen", 5860}})) ==
               "余额58.60元");
}

BOOST_AUTO_TEST_CASE(renders_codes_in_the_halls_words) {
    SmsTemplates templates(shipped, sms_hall_templates());
    SmsReplies replies(templates);
    auto pay = command("billing", "pay", "交话费", "billing_pay");
    BOOST_TEST(replies.result(pay, ServiceResult::error("insufficient_balance", "detail")) ==
               "交话费未成功：余额不足。");
    BOOST_TEST(replies.result(pay, ServiceResult::error("plugin_disabled")) ==
               "交话费未成功：该业务暂停办理。");
    // bad_request: how to type the command.
    BOOST_TEST(replies.result(pay, ServiceResult::error("bad_request", "amount_fen too large")) ==
               "格式：JF <金额(元)>（交话费）。回复BZ查看全部指令。");
    // A code-specific template wins over the generic one.
    SmsTemplates custom(std::map<std::string, std::string, std::less<>>{
        {"error", "{{message}}"}, {"error_voucher_used", "此卡已用过"}});
    SmsReplies custom_replies(custom);
    BOOST_TEST(custom_replies.result(pay, ServiceResult::error("voucher_used")) == "此卡已用过");
    BOOST_TEST(custom_replies.result(pay, ServiceResult::error("timeout")) ==
               "处理超时，请稍后查询结果");
}

BOOST_AUTO_TEST_CASE(prompts_for_confirmation_with_what_will_happen) {
    SmsTemplates templates(shipped, sms_hall_templates());
    SmsReplies replies(templates);
    auto pay = command("billing", "pay", "交话费", "billing_pay", &pay_spec);
    BOOST_TEST(replies.confirm_prompt(pay, {{"amount_fen", 5000}, {"method", "card"}}, 300s) ==
               "将从银行卡交费50.00元，回复Y确认，N取消，5分钟内有效。");
    auto other = command("x", "y", "某业务", "x_y");
    BOOST_TEST(replies.confirm_prompt(other, nlohmann::json::object(), 90s) ==
               "将办理某业务，回复Y确认，N取消，2分钟内有效。");
}

BOOST_AUTO_TEST_CASE(help_lists_the_commands_and_fits) {
    SmsTemplates templates(shipped, sms_hall_templates());
    SmsReplies replies(templates);
    Manifest m;
    m.id = "billing";
    m.operations = {{.name = "balance", .title = "话费余额", .sms_keywords = {"YE", "余额"}},
                    {.name = "bill", .title = "账单查询", .sms_keywords = {"ZD"}}};
    CommandTable table({{&m, &m.operations[0]}, {&m, &m.operations[1]}});
    const std::string help = replies.help(table, false);
    BOOST_TEST(help.find("YE话费余额") != std::string::npos, help);
    BOOST_TEST(help.find("ZD账单查询") != std::string::npos, help);
    BOOST_TEST(help.find("未能识别") == std::string::npos);
    BOOST_TEST(replies.help(table, true).starts_with("未能识别您的指令。"));
    BOOST_TEST(segments_needed(help) == 1u);
}

BOOST_AUTO_TEST_CASE(rate_guard_notices_once_then_stays_silent_for_the_minute) {
    using Verdict = SmsRateGuard::Verdict;
    SmsRateGuard guard(3);
    const auto t0 = std::chrono::steady_clock::time_point{} + 1000h;
    std::vector<Verdict> verdicts;
    for (int i = 0; i < 6; ++i)
        verdicts.push_back(guard.check("13800138000", t0 + i * 1s));
    const std::vector<Verdict> expected = {Verdict::allow,  Verdict::allow,   Verdict::allow,
                                           Verdict::notice, Verdict::silence, Verdict::silence};
    BOOST_TEST((verdicts == expected));
    BOOST_TEST((guard.check("13900139000", t0 + 6s) == Verdict::allow));   // per number
    BOOST_TEST((guard.check("13800138000", t0 + 60s) == Verdict::allow));  // a new minute
    SmsRateGuard off(0);
    for (int i = 0; i < 100; ++i)
        BOOST_TEST((off.check("13800138000", t0) == Verdict::allow));
}

BOOST_AUTO_TEST_SUITE_END()
