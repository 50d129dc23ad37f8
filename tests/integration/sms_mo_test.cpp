// The SMS hall over HTTP as Kannel calls it (GET/POST /sms/mo), against the real server
// with the billing, family and points plugins: replies, UCS-2 text, deduplication by
// Kannel id, two-step confirmation, help per enabled plugin, caller checks, rate limit,
// and what the journal holds.
#include <boost/test/unit_test.hpp>

#include <map>
#include <thread>
#include <vector>

#include "channels/sms/sms_length.hpp"
#include "tests/support/demo_customer.hpp"
#include "tests/support/journal_reader.hpp"
#include "tests/support/server_process.hpp"

using namespace ehall::test;

namespace {

const std::string templates_dir = std::string(EHALL_SOURCE_DIR) + "/templates/sms";
const std::string shared_secret = "kannel-shared-secret-0001";

std::string percent_encoded(const std::string& bytes) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : bytes) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

using Fields = std::map<std::string, std::string>;

std::string form(const Fields& fields) {
    std::string out;
    for (const auto& [name, value] : fields)
        out.append(out.empty() ? "" : "&").append(name).append("=").append(percent_encoded(value));
    return out;
}

nlohmann::json sms_config(unsigned rate_per_min) {
    auto config = demo_config({"billing", "family", "points"});
    config["sms"] = {{"templates_dir", templates_dir}, {"rate_per_min", rate_per_min}};
    return config;
}

// One MO the way Kannel's get-url sends it.
struct Phone {
    HttpClient& client;
    std::string from = "8613800138000";

    HttpResult send(const std::string& text, Fields extra = {}, Headers headers = {}) {
        extra.emplace("from", from);
        extra.emplace("to", "10086");
        extra.emplace("text", text);
        return client.get("/sms/mo?" + form(extra), headers);
    }
    // The reply, checked to be a 200 text/plain SMS of at most three segments.
    std::string reply(const std::string& text, Fields extra = {}, Headers headers = {}) {
        auto result = send(text, std::move(extra), std::move(headers));
        BOOST_TEST(result.status == 200u, text << ": " << result.body);
        BOOST_TEST(result.header("Content-Type") == "text/plain; charset=utf-8");
        BOOST_TEST(ehall::sms::segments_needed(result.body) <= 3u, result.body);
        return result.body;
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(sms_mo)

BOOST_AUTO_TEST_CASE(answers_commands_as_kannel_sends_them) {
    ServerProcess server("sms-mo");
    BOOST_REQUIRE(server.start(sms_config(0)));
    {
        HttpClient client(server.port());
        Phone phone{client};

        auto balance = phone.send("YE", {}, {{"X-Request-Id", "it-sms-ye"}});
        BOOST_TEST(balance.status == 200u);
        BOOST_TEST(balance.header("Content-Type") == "text/plain; charset=utf-8");
        BOOST_TEST(contains(balance.body, "58.60"), balance.body);
        BOOST_TEST(balance.header("X-Kannel-Coding") == "2");  // Chinese: send as UCS-2
        // 余额 as Kannel passes UCS-2: raw UTF-16BE bytes, percent-encoded, coding=2.
        BOOST_TEST(contains(phone.reply("\x4F\x59\x98\x9D", {{"coding", "2"}}), "58.60"));
        BOOST_TEST(contains(phone.reply("\x4F\x59\x98\x9D", {{"charset", "UTF-16BE"}}), "58.60"));
        BOOST_TEST(contains(phone.reply("ＹＥ"), "58.60"));  // full-width
        BOOST_TEST(contains(phone.reply(" ye。"), "58.60"));
        // A form POST, and Kannel's post-url (the body is the text).
        auto posted = client.request(http::verb::post, "/sms/mo",
                                     "from=%2B8613800138000&to=10086&text=%E4%BD%99%E9%A2%9D",
                                     {{"Content-Type", "application/x-www-form-urlencoded"}});
        BOOST_TEST(contains(posted.body, "58.60"), posted.body);
        auto post_url =
            client.request(http::verb::post, "/sms/mo?to=10086", std::string("\x00\x59\x00\x45", 4),
                           {{"Content-Type", "text/plain; charset=UTF-16BE"},
                            {"X-Kannel-From", "+8613800138000"}});
        BOOST_TEST(contains(post_url.body, "58.60"), post_url.body);

        // Unknown input: help listing the commands, never silence.
        const std::string help = phone.reply("hello", {}, {{"X-Request-Id", "it-sms-unknown"}});
        for (const char* command : {"未能识别", "YE", "JF", "CZ", "QQB KT", "QQB TJ", "JFCX", "DH"})
            BOOST_TEST(contains(help, command), command << " in " << help);
        BOOST_TEST(contains(phone.reply("JF 50.555"), "JF <金额(元)>"));
        // Text that is not valid in its encoding is answered, not garbled.
        BOOST_TEST(contains(phone.reply("\xFF\xFE"), "无法识别短信内容"));
        BOOST_TEST(contains(phone.reply("\x4F\x59\x98", {{"coding", "2"}}), "无法识别短信内容"));

        // A Kannel retry (same id) gets the first reply and runs nothing.
        const Fields kannel_id = {{"id", "5b7e0f0e-sms-dup-0001"}};
        const std::string first = phone.reply("YE", kannel_id, {{"X-Request-Id", "it-sms-dup-1"}});
        const std::string again = phone.reply("YE", kannel_id, {{"X-Request-Id", "it-sms-dup-2"}});
        BOOST_TEST(contains(first, "58.60"));
        BOOST_TEST(again == first);

        // Copies of one message arriving together (Kannel retrying while the first still
        // runs): one top-up, the same reply for all.
        std::vector<std::string> replies(6);
        std::vector<std::thread> senders;
        for (std::size_t i = 0; i < replies.size(); ++i) {
            senders.emplace_back([&, i] {
                HttpClient own(server.port());
                Phone copy{own, "13900139000"};
                replies[i] = copy.send("CZ 1000000000000000003", {{"id", "it-cz-race"}}).body;
            });
        }
        for (auto& sender : senders)
            sender.join();
        for (const auto& text : replies)
            BOOST_TEST(text == replies.front());
        BOOST_TEST(contains(replies.front(), "充值成功：50.00元已到账，余额62.00元"),
                   replies.front());

        // Two-step payment from the bound card.
        BOOST_TEST(phone.reply("JF 50", {{"id", "it-jf-1"}}) ==
                   "将从银行卡交费50.00元，回复Y确认，N取消，5分钟内有效。");
        const std::string paid =
            phone.reply("Y", {{"id", "it-y-1"}}, {{"X-Request-Id", "it-sms-y"}});
        BOOST_TEST(contains(paid, "交费成功：50.00元，余额108.60元"), paid);
        BOOST_TEST(phone.reply("Y", {{"id", "it-y-1"}}) == paid);  // Kannel retry of the Y
        BOOST_TEST(contains(phone.reply("Y", {{"id", "it-y-2"}}), "没有待确认"));
        BOOST_TEST(contains(phone.reply("YE"), "108.60"));  // paid once; the bill stays due
        BOOST_TEST(contains(phone.reply("JF 10"), "交费10.00元"));
        BOOST_TEST(contains(phone.reply("N"), "已取消"));
        BOOST_TEST(contains(phone.reply("是"), "没有待确认"));
        BOOST_TEST(contains(phone.reply("否"), "没有待确认"));

        // A voucher top-up settles the due bill (108.60 + 50.00 covers 128.50).
        const std::string topped = phone.reply("CZ 1000000000000000002");
        BOOST_TEST(contains(topped, "充值成功：50.00元"), topped);
        BOOST_TEST(contains(topped, "已结清账单128.50元"), topped);
        BOOST_TEST(contains(phone.reply("充值1000000000000000002"), "充值卡已被使用"));
        BOOST_TEST(contains(phone.reply("YE"), "30.10"));

        // The family package, with the multi-word keywords. Opening it costs a monthly fee and
        // changing a number a fee per number: each asks for a Y first. Adding one is free.
        const std::string open_prompt = phone.reply("QQB KT");
        BOOST_TEST(contains(open_prompt, "收费业务"), open_prompt);
        BOOST_TEST(contains(open_prompt, "回复Y确认"), open_prompt);
        BOOST_TEST(contains(phone.reply("QQB CX"), "未开通"));  // nothing opened before the Y
        BOOST_TEST(contains(phone.reply("Y"), "亲情包已开通"));
        BOOST_TEST(contains(phone.reply("ＱＱＢ　ＴＪ　１３９１２３４５６７８"),
                            "已添加亲情号码13912345678"));
        BOOST_TEST(contains(phone.reply("QQB BG 13912345678 13912345679"), "回复Y确认"));
        BOOST_TEST(contains(phone.reply("QQB CX"), "13912345678"));  // unchanged before the Y
        BOOST_TEST(contains(phone.reply("Y"), "已改为13912345679"));
        BOOST_TEST(contains(phone.reply("QQB CX"), "13912345679"));

        // Points: catalog and a confirmed redemption.
        BOOST_TEST(contains(phone.reply("JFCX"), "12000"));
        BOOST_TEST(contains(phone.reply("DH"), "HF10"));
        BOOST_TEST(contains(phone.reply("dh hf10"), "将兑换HF10"));
        BOOST_TEST(contains(phone.reply("Y"), "兑换成功：10元话费"));

        // TD / KT.
        BOOST_TEST(contains(phone.reply("TD"), "已退订"));
        BOOST_TEST(contains(phone.reply("KT"), "重新订阅"));

        // Senders: not a mobile number; not a customer.
        Phone stranger{client, "13700000000"};
        BOOST_TEST(contains(stranger.reply("YE"), "不是本网客户"));
        Phone garbage{client, "10086"};
        BOOST_TEST(contains(garbage.reply("YE"), "无法识别您的手机号码"));

        // BZ lists what is enabled on SMS only.
        const std::string all = phone.reply("BZ");
        BOOST_TEST(contains(all, "JFCX"));
        BOOST_TEST(contains(all, "DH"));
        auto disabled =
            client.post("/admin/v1/plugins/points/disable",
                        {{"channels", nlohmann::json::array({"sms"})}}, bearer(admin_token));
        BOOST_REQUIRE(disabled.status == 200u);
        const std::string without = phone.reply("帮助");
        BOOST_TEST(!contains(without, "JFCX"), without);
        BOOST_TEST(!contains(without, "DH"), without);
        BOOST_TEST(contains(without, "YE"));
        BOOST_TEST(contains(phone.reply("DH"), "未能识别"));
        // Disabled between the prompt and the Y: not run.
        BOOST_TEST(contains(phone.reply("JF 20"), "交费20.00元"));
        BOOST_REQUIRE(client
                          .post("/admin/v1/plugins/billing/disable",
                                {{"channels", nlohmann::json::array({"sms"})}}, bearer(admin_token))
                          .status == 200u);
        BOOST_TEST(contains(phone.reply("Y"), "暂停办理"));
        auto web_points = client.get("/api/v1/services").json();  // still on the web
        BOOST_TEST(web_points.dump().find("\"points\"") != std::string::npos);
    }
    BOOST_REQUIRE(server.stop() == 0);

    const auto rows = read_interactions(server);
    const auto* ye = find_by_request_id(rows, "it-sms-ye");
    BOOST_REQUIRE(ye != nullptr);
    BOOST_TEST((*ye)["channel"] == "sms");
    BOOST_TEST((*ye)["subchannel"] == "10086");
    BOOST_TEST((*ye)["msisdn"] == demo_msisdn);
    BOOST_TEST((*ye)["plugin"] == "billing");
    BOOST_TEST((*ye)["operation"] == "balance");

    const auto* unknown = find_by_request_id(rows, "it-sms-unknown");
    BOOST_REQUIRE(unknown != nullptr);
    BOOST_TEST((*unknown)["plugin"] == "sms");
    BOOST_TEST((*unknown)["operation"] == "unknown");
    BOOST_TEST((*unknown)["outcome"] == "rejected");

    // The retried id ran once: one balance row, none for the retry.
    const auto* dup = find_by_request_id(rows, "it-sms-dup-1");
    BOOST_REQUIRE(dup != nullptr);
    BOOST_TEST((*dup)["operation"] == "balance");
    BOOST_TEST(find_by_request_id(rows, "it-sms-dup-2") == nullptr);

    const auto* pay = find_by_request_id(rows, "it-sms-y");
    BOOST_REQUIRE(pay != nullptr);
    BOOST_TEST((*pay)["operation"] == "pay");
    BOOST_TEST((*pay)["outcome"] == "ok");
    BOOST_TEST((*pay)["amount_fen"] == 5000);
    int payments = 0;
    for (const auto& row : rows)
        payments += row["operation"] == "pay" && row["outcome"] == "ok" ? 1 : 0;
    BOOST_TEST(payments == 1);
    int topups_13900139000 = 0;
    for (const auto& row : rows) {
        BOOST_TEST(row["channel"] == "sms");
        topups_13900139000 += row["operation"] == "topup_voucher" && row["msisdn"] == other_msisdn;
    }
    BOOST_TEST(topups_13900139000 == 1);
}

BOOST_AUTO_TEST_CASE(only_allowed_callers_and_a_rate_limit_per_number) {
    ServerProcess server("sms-access");
    auto config = sms_config(3);
    config["sms"]["allowed_sources"] = {"10.9.9.9"};
    config["sms"]["shared_secret"] = shared_secret;
    BOOST_REQUIRE(server.start(config));
    HttpClient client(server.port());
    Phone phone{client, "13900139000"};

    auto refused = phone.send("YE");
    BOOST_TEST(refused.status == 403u);
    BOOST_TEST(phone.send("YE", {{"secret", "kannel-shared-secret-0002"}}).status == 403u);
    // Four messages with the secret (field or header): three answered, then the notice...
    const Fields secret = {{"secret", shared_secret}};
    BOOST_TEST(contains(phone.reply("YE", secret), "12.00"));
    BOOST_TEST(contains(phone.reply("YE", {}, {{"X-Ehall-Secret", shared_secret}}), "12.00"));
    BOOST_TEST(contains(phone.reply("YE", secret), "12.00"));
    BOOST_TEST(contains(phone.reply("YE", secret), "频繁"));
    // ...then silence for the rest of the minute, still 200 so Kannel does not retry.
    auto silent = phone.send("YE", secret);
    BOOST_TEST(silent.status == 200u);
    BOOST_TEST(silent.body.empty());
    // Another number has its own budget.
    Phone other{client, "13800138000"};
    BOOST_TEST(contains(other.reply("YE", secret), "58.60"));
}

BOOST_AUTO_TEST_SUITE_END()
