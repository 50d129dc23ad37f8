// The web hall's generated forms and result layout: fields from typed parameters, posted
// values read back with a Chinese message per wrong field, result data as fields and tables.
#include <boost/test/unit_test.hpp>

#include "channels/web/operation_form.hpp"
#include "gateway/html/result_view.hpp"

using namespace ehall;

namespace {

OperationSpec pay_like() {
    OperationSpec op;
    op.name = "pay";
    op.params = {{.name = "amount_fen",
                  .type = ParamType::amount,
                  .label = "金额（分）",
                  .min = 1,
                  .max = 1000000},
                 {.name = "method",
                  .type = ParamType::choice,
                  .required = false,
                  .label = "支付方式",
                  .choices = {"card", "cash"}},
                 {.name = "pin",
                  .type = ParamType::digits,
                  .required = false,
                  .label = "密码",
                  .min = 19,
                  .max = 19}};
    return op;
}

// The words of a plugin answering with pay_like's fields.
Manifest billing_like() {
    Manifest m;
    m.id = "billing_like";
    m.value_labels = {{"card", "银行卡"}, {"due", "待缴"}};
    return m;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(web_forms)

BOOST_AUTO_TEST_CASE(good_values_become_typed_parameters) {
    auto reading = read_operation_form(
        pay_like(), {{"amount_fen", "1000"}, {"method", "card"}, {"pin", ""}, {"csrf", "x"}});
    BOOST_TEST(reading.ok());
    BOOST_TEST(reading.params == (nlohmann::json{{"amount_fen", 1000}, {"method", "card"}}));
}

BOOST_AUTO_TEST_CASE(each_wrong_field_gets_its_own_message) {
    auto reading = read_operation_form(pay_like(), {{"method", "bitcoin"}, {"pin", "12ab"}});
    BOOST_TEST(!reading.ok());
    BOOST_TEST(reading.errors.at("amount_fen") == "请填写金额（分）");
    BOOST_TEST(reading.errors.at("method") == "请从列表中选择");
    BOOST_TEST(reading.errors.at("pin") == "请输入19位数字");
    auto too_big = read_operation_form(pay_like(), {{"amount_fen", "1000001"}});
    BOOST_TEST(too_big.errors.at("amount_fen") == "请输入 1 到 1000000 之间的整数");
}

BOOST_AUTO_TEST_CASE(fields_carry_the_browser_checks_and_the_values_to_show_again) {
    auto fields =
        form_fields(billing_like(), pay_like(), {{"amount_fen", "<b>"}, {"method", "cash"}},
                    {{"amount_fen", "请输入正整数"}});
    BOOST_REQUIRE(fields.size() == 3u);
    BOOST_TEST(fields[0]["input_type"] == "number");
    BOOST_TEST(fields[0]["min"] == 1);
    BOOST_TEST(fields[0]["max"] == 1000000);
    BOOST_TEST(fields[0]["value"] == "<b>");  // escaped by the template, not here
    BOOST_TEST(fields[0]["error"] == "请输入正整数");
    BOOST_TEST(fields[1]["is_choice"] == true);
    BOOST_TEST(fields[1]["options"][0]["label"] == "银行卡");  // the plugin's word
    BOOST_TEST(fields[1]["options"][1]["label"] == "cash");    // none: as it is
    BOOST_TEST(fields[1]["options"][1]["selected"] == true);
    BOOST_TEST(fields[2]["pattern"] == "[0-9]{19,19}");
    BOOST_TEST(fields[2]["error"] == false);  // not absent: the page's own error would show
}

BOOST_AUTO_TEST_CASE(result_data_is_laid_out_with_labels_and_yuan) {
    // The plugin's words first, the hall's for shared fields ("balance_fen", "status").
    Manifest plugin = billing_like();
    plugin.labels = {{"current", "本期账单"},
                     {"item", "礼品编号"},
                     {"value_fen", "价值"},
                     {"status", "办理状态"}};
    auto view = result_view({{"balance_fen", 6860},
                             {"replayed", true},
                             {"members", {"13900139000", "075583456789"}},
                             {"current", {{"month", "2026-10"}, {"status", "due"}}},
                             {"items", {{{"item", "HF10"}, {"value_fen", 1000}}}}},
                            plugin);
    BOOST_TEST(view["has_fields"] == true);
    nlohmann::json fields = view["fields"];
    BOOST_TEST(fields.size() == 3u);
    BOOST_TEST(fields[0] == (nlohmann::json{{"label", "余额"}, {"value", "68.60 元"}}));
    BOOST_TEST(fields[1]["value"] == "13900139000、075583456789");
    BOOST_TEST(fields[2]["value"] == "是");
    // Another plugin's values keep their own words: "due" is billing_like's.
    auto other = result_view({{"state", "due"}, {"channel", "sms"}}, Manifest{});
    BOOST_TEST(other["fields"][0]["value"] == "短信营业厅");  // the hall's word for a channel
    BOOST_TEST(other["fields"][1]["value"] == "due");
    nlohmann::json tables = view["tables"];
    BOOST_REQUIRE(tables.size() == 2u);
    BOOST_TEST(tables[0]["title"] == "本期账单");
    BOOST_TEST(tables[0]["rows"][0]["cells"][1] ==
               (nlohmann::json{{"label", "办理状态"}, {"text", "待缴"}}));
    BOOST_TEST(tables[1]["columns"] == (nlohmann::json{"礼品编号", "价值"}));
    BOOST_TEST(tables[1]["rows"][0]["cells"][1]["text"] == "10.00 元");
}

BOOST_AUTO_TEST_SUITE_END()
