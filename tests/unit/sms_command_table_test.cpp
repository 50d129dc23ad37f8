// The SMS command parser generated from manifests: keywords, aliases, glued Chinese
// aliases, typed arguments, argument-count choice, built-ins and unknown input.
#include <boost/test/unit_test.hpp>

#include "channels/sms/command_normaliser.hpp"
#include "channels/sms/command_table.hpp"

using namespace ehall;
using namespace ehall::sms;

namespace {

Manifest named(const char* id) {
    Manifest m;
    m.id = id;
    m.name = id;
    m.version = "1";
    return m;
}

// Hand-built manifests shaped like the built-in plugins'.
struct Manifests {
    Manifest billing = named("billing");
    Manifest family = named("family");
    Manifest points = named("points");

    Manifests() {
        billing.operations = {
            {.name = "balance", .title = "话费余额", .sms_keywords = {"YE", "余额"}},
            {.name = "pay",
             .title = "交话费",
             .params = {{.name = "amount_fen", .type = ParamType::amount, .min = 1, .max = 1000000},
                        {.name = "method",
                         .type = ParamType::choice,
                         .required = false,
                         .choices = {"card", "cash"},
                         .fixed_on = {{"sms", "card"}, {"wap", "card"}}}},
             .charges_customer = true,
             .sms_keywords = {"JF", "交费"}},
            {.name = "topup_voucher",
             .title = "充值卡充值",
             .params = {{.name = "pin", .type = ParamType::digits, .min = 19, .max = 19}},
             .sms_keywords = {"CZ", "充值"}},
            {.name = "web_only", .title = "网页专属"},  // no SMS keyword: not a command
        };
        family.operations = {
            {.name = "open",
             .title = "开通亲情包",
             .charges_customer = true,
             .sms_keywords = {"QQB KT", "开通亲情包"}},
            {.name = "add",
             .title = "添加亲情号码",
             // Optional first in the manifest: arguments still take required ones first.
             .params = {{.name = "package_id", .type = ParamType::integer, .required = false},
                        {.name = "number", .type = ParamType::phone, .label = "亲情号码"}},
             .sms_keywords = {"QQB TJ", "添加亲情号"}},
            {.name = "change",
             .title = "变更亲情号码",
             .params = {{.name = "old", .type = ParamType::phone},
                        {.name = "new", .type = ParamType::phone}},
             .sms_keywords = {"QQB BG"}},
        };
        points.operations = {
            {.name = "balance", .title = "积分查询", .sms_keywords = {"JFCX", "积分查询"}},
            {.name = "catalog", .title = "兑换列表", .sms_keywords = {"DH", "兑换列表"}},
            {.name = "redeem",
             .title = "积分兑换",
             .params = {{.name = "item", .max_length = 32},
                        {.name = "pay_with",
                         .type = ParamType::choice,
                         .required = false,
                         .choices = {"points", "ecoins"}}},
             .needs_confirmation = true,
             .sms_keywords = {"DH", "兑换"}},
        };
    }

    std::vector<AvailableOperation> available(bool with_points = true) const {
        std::vector<AvailableOperation> list;
        for (const Manifest* m : {&billing, &family, &points}) {
            if (m == &points && !with_points)
                continue;
            for (const auto& op : m->operations)
                list.push_back({m, &op});
        }
        return list;
    }
};

struct Fixture {
    Manifests manifests;
    CommandTable table{manifests.available()};

    ParsedCommand parse(const std::string& typed) const {
        return table.parse(normalise_command(typed));
    }
    // "plugin.operation params" for an operation, else the kind's name.
    std::string describe(const std::string& typed) const {
        const ParsedCommand parsed = parse(typed);
        switch (parsed.kind) {
            case CommandKind::operation:
                return parsed.command->plugin + "." + parsed.command->operation + " " +
                       parsed.params.dump();
            case CommandKind::usage_error:
                return "usage " + parsed.command->plugin + "." + parsed.command->operation;
            case CommandKind::help:
                return "help";
            case CommandKind::confirm:
                return "confirm";
            case CommandKind::cancel:
                return "cancel";
            case CommandKind::opt_out:
                return "opt_out";
            case CommandKind::opt_in:
                return "opt_in";
            case CommandKind::unknown:
                return "unknown";
        }
        return "?";
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(sms_command_table, Fixture)

BOOST_AUTO_TEST_CASE(parses_commands_and_their_arguments) {
    struct Case {
        const char* typed;
        const char* expected;
    };
    const Case cases[] = {
        // keywords, aliases, full-width and case
        {"YE", "billing.balance {}"},
        {"ye", "billing.balance {}"},
        {"ＹＥ", "billing.balance {}"},
        {"余额", "billing.balance {}"},
        {"  余额。", "billing.balance {}"},
        // yuan to fen, the card method the manifest fixes on the SMS channel
        {"JF 50", R"(billing.pay {"amount_fen":5000,"method":"card"})"},
        {"jf 50.5", R"(billing.pay {"amount_fen":5050,"method":"card"})"},
        {"ＪＦ　５０．０５", R"(billing.pay {"amount_fen":5005,"method":"card"})"},
        {"交费 0.01", R"(billing.pay {"amount_fen":1,"method":"card"})"},
        {"交费50", R"(billing.pay {"amount_fen":5000,"method":"card"})"},  // glued alias
        {"JF 50.555", "usage billing.pay"},                                // three decimals
        {"JF fifty", "usage billing.pay"},
        {"JF -5", "usage billing.pay"},
        {"JF", "usage billing.pay"},          // missing amount
        {"JF 50 cash", "usage billing.pay"},  // method is not the customer's to choose
        {"JF50", R"(billing.pay {"amount_fen":5000,"method":"card"})"},  // glued number
        {"ＪＦ５０", R"(billing.pay {"amount_fen":5000,"method":"card"})"},
        {"JFX", "unknown"},  // Latin keywords glue only to numbers
        {"YE1", "usage billing.balance"},
        // digit strings stay strings: leading zeros matter
        {"CZ 0000000000000000001", R"(billing.topup_voucher {"pin":"0000000000000000001"})"},
        {"充值1000000000000000001", R"(billing.topup_voucher {"pin":"1000000000000000001"})"},
        {"充值 1000000000000000001", R"(billing.topup_voucher {"pin":"1000000000000000001"})"},
        // multi-word keywords, with and without the space
        {"QQB KT", "family.open {}"},
        {"qqbkt", "family.open {}"},
        {"QQBTJ13912345678", R"(family.add {"number":"13912345678"})"},
        {"开通亲情包", "family.open {}"},
        {"QQB　TJ　13912345678", R"(family.add {"number":"13912345678"})"},
        {"QQB TJ 07551234567 2", R"(family.add {"number":"07551234567","package_id":2})"},
        {"QQB TJ 07551234567 two", "usage family.add"},  // integer argument
        {"添加亲情号13912345678", R"(family.add {"number":"13912345678"})"},
        {"QQB BG 13912345678 13912345679",
         R"(family.change {"new":"13912345679","old":"13912345678"})"},
        {"QQB BG 13912345678", "usage family.change"},
        {"QQB", "unknown"},
        // one keyword, told apart by the argument count
        {"DH", "points.catalog {}"},
        {"DH HF10", R"(points.redeem {"item":"HF10"})"},
        {"dh hf10 ECOINS", R"(points.redeem {"item":"HF10","pay_with":"ecoins"})"},
        {"DH HF10 cash", "usage points.redeem"},  // not one of the choices
        {"DH HF10 ECOINS 3", "usage points.redeem"},
        {"兑换列表", "points.catalog {}"},  // the longest keyword wins
        {"兑换HF10", R"(points.redeem {"item":"HF10"})"},
        {"JFCX", "points.balance {}"},
        {"积分查询", "points.balance {}"},
        // built-ins
        {"BZ", "help"},
        {"帮助", "help"},
        {"?", "help"},
        {"？", "help"},
        {"help", "help"},
        {"Y", "confirm"},
        {"y", "confirm"},
        {"是", "confirm"},
        {"N", "cancel"},
        {"否", "cancel"},
        {"TD", "opt_out"},
        {"KT", "opt_in"},
        // unknown input
        {"hello", "unknown"},
        {"", "unknown"},
        {"YES PLEASE", "unknown"},
        {"web_only", "unknown"},
    };
    for (const auto& c : cases) {
        BOOST_TEST(describe(c.typed) == c.expected, "typed '" << c.typed << "'");
    }
}

BOOST_AUTO_TEST_CASE(lists_commands_with_usage_in_manifest_order) {
    const auto& commands = table.commands();
    BOOST_REQUIRE(commands.size() == 9u);  // web_only has no keyword
    BOOST_TEST(commands[0].keywords.front() == "YE");
    BOOST_TEST(commands[1].usage == "JF <金额(元)>");
    BOOST_TEST(commands[4].usage == "QQB TJ <亲情号码> [package_id]");
    BOOST_TEST(commands[1].needs_confirmation);
    BOOST_TEST(table.find("points", "redeem") == &commands[8]);
    BOOST_TEST(!table.find("points", "nothing"));
}

// Fees without a yes: whatever takes money or charges a fee asks for Y on SMS, from the
// manifest's charges_customer and not from a list of commands; a free change does not ask.
BOOST_AUTO_TEST_CASE(commands_that_charge_ask_to_confirm) {
    BOOST_TEST(table.find("billing", "pay")->needs_confirmation);
    BOOST_TEST(table.find("family", "open")->needs_confirmation);
    BOOST_TEST(!table.find("family", "add")->needs_confirmation);
    BOOST_TEST(!table.find("billing", "topup_voucher")->needs_confirmation);
    BOOST_TEST(table.find("points", "redeem")->needs_confirmation);  // asked for by the plugin
    BOOST_TEST((table.parse("QQB KT").command->needs_confirmation));
}

BOOST_AUTO_TEST_CASE(offers_only_what_is_enabled) {
    CommandTable without_points(manifests.available(false));
    BOOST_TEST(without_points.commands().size() == 6u);
    BOOST_TEST((without_points.parse("DH").kind == CommandKind::unknown));
    BOOST_TEST((without_points.parse("JFCX").kind == CommandKind::unknown));
}

BOOST_AUTO_TEST_CASE(a_plugin_keyword_wins_over_the_bare_built_in) {
    Manifest other = named("other");
    other.operations = {{.name = "kt", .title = "开通", .sms_keywords = {"KT"}}};
    CommandTable with_kt({{&other, &other.operations[0]}});
    BOOST_TEST((with_kt.parse("KT").kind == CommandKind::operation));
}

BOOST_AUTO_TEST_SUITE_END()
