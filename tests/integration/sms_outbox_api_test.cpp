// SMS pushes over HTTP against the real server: the admin push and outbox routes, Kannel's
// delivery reports on /sms/dlr (and who may send them), retries while Kannel is down, and
// a queued push surviving a restart. The full trip through Kannel is
// tests/e2e/sms_kannel_e2e.sh.
#include <boost/test/unit_test.hpp>

#include <thread>

#include "tests/support/http_client.hpp"
#include "tests/support/server_process.hpp"

using namespace ehall::test;

namespace {

const Headers admin = {{"Authorization", "Bearer demo-admin-token"}};

nlohmann::json outbox_config() {
    auto config = demo_config({"billing"});
    config["sms"] = {{"templates_dir", std::string(EHALL_SOURCE_DIR) + "/templates/sms"}};
    return config;
}

nlohmann::json push_of(HttpClient& client, std::int64_t id) {
    auto result = client.get("/admin/v1/sms/outbox/" + std::to_string(id), admin);
    BOOST_TEST_REQUIRE(result.status == 200u, result.body);
    return result.json()["data"];
}

std::int64_t push(HttpClient& client, const std::string& msisdn, const std::string& text) {
    auto result = client.post("/admin/v1/sms/push", {{"msisdn", msisdn}, {"text", text}}, admin);
    BOOST_TEST_REQUIRE(result.status == 202u, result.body);
    return result.json()["data"]["id"].get<std::int64_t>();
}

template <class Predicate>
bool eventually(Predicate predicate, std::chrono::milliseconds within = std::chrono::seconds(10)) {
    const auto deadline = std::chrono::steady_clock::now() + within;
    while (std::chrono::steady_clock::now() < deadline) {
        if (predicate())
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return predicate();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sms_outbox_api)

BOOST_AUTO_TEST_CASE(ops_push_and_kannel_reports_delivery) {
    ServerProcess server("sms-outbox-api");
    BOOST_TEST_REQUIRE(server.start(outbox_config()), server.stderr_text());
    HttpClient client(server.port());

    BOOST_TEST(
        client.post("/admin/v1/sms/push", {{"msisdn", "13800138000"}, {"text", "hi"}}).status ==
        401u);
    auto bad = client.post("/admin/v1/sms/push", {{"msisdn", "138"}, {"text", "hi"}}, admin);
    BOOST_TEST(bad.status == 400u);
    BOOST_TEST(bad.json()["code"] == "bad_request");
    BOOST_TEST(client.post("/admin/v1/sms/push", {{"msisdn", "13800138000"}}, admin).status ==
               400u);

    auto accepted = client.post(
        "/admin/v1/sms/push", {{"msisdn", "13800138000"}, {"text", "【优惠】12593长途5折"}}, admin);
    BOOST_TEST_REQUIRE(accepted.status == 202u, accepted.body);
    BOOST_TEST(accepted.json()["data"]["sending"] == false);  // no sms.sendsms_url here
    const auto id = accepted.json()["data"]["id"].get<std::int64_t>();
    auto queued = push_of(client, id);
    BOOST_TEST(queued["status"] == "queued");
    BOOST_TEST(queued["text"] == "【优惠】12593长途5折");
    BOOST_TEST(queued["attempts"] == 0);

    const std::string dlr = "/sms/dlr?id=" + std::to_string(id) + "&status=";
    auto submitted = client.get(dlr + "8");
    BOOST_TEST(submitted.status == 200u);
    BOOST_TEST(submitted.body == "ok\n");
    BOOST_TEST(push_of(client, id)["status"] == "sent");
    BOOST_TEST(client.get(dlr + "1").status == 200u);
    BOOST_TEST(push_of(client, id)["status"] == "delivered");
    BOOST_TEST(client.get(dlr + "16").status == 200u);  // too late: stays delivered
    BOOST_TEST(push_of(client, id)["status"] == "delivered");
    BOOST_TEST(client.get(dlr + "3").status == 400u);
    BOOST_TEST(client.get("/sms/dlr?id=abc&status=1").status == 400u);
    BOOST_TEST(client.get("/sms/dlr?id=999999&status=1").status == 404u);

    auto delivered = client.get("/admin/v1/sms/outbox?status=delivered&limit=10", admin);
    BOOST_TEST_REQUIRE(delivered.status == 200u);
    BOOST_TEST(delivered.json()["data"]["messages"].size() == 1u);
    BOOST_TEST(client.get("/admin/v1/sms/outbox?status=lost", admin).status == 400u);
    BOOST_TEST(client.get("/admin/v1/sms/outbox/999999", admin).status == 404u);
    BOOST_TEST(client.get("/admin/v1/sms/outbox").status == 401u);

    auto audit = client.get("/admin/v1/audit?target=13800138000", admin).json()["entries"];
    BOOST_TEST_REQUIRE(audit.size() == 1u);
    BOOST_TEST(audit[0]["action"] == "sms.push");
}

BOOST_AUTO_TEST_CASE(marketing_pushes_respect_td_and_service_pushes_still_go) {
    ServerProcess server("sms-outbox-td");
    BOOST_TEST_REQUIRE(server.start(outbox_config()), server.stderr_text());
    HttpClient client(server.port());
    BOOST_TEST(client.get("/sms/mo?from=13800138000&to=10086&text=TD").status == 200u);

    auto marketing =
        client.post("/admin/v1/sms/push", {{"msisdn", "13800138000"}, {"text", "offer"}}, admin);
    BOOST_TEST(marketing.status == 422u);
    BOOST_TEST(marketing.json()["code"] == "opted_out");
    auto listed = client.get("/admin/v1/sms/outbox?limit=10", admin).json();
    BOOST_TEST(listed["data"].dump().find("offer") == std::string::npos);  // nothing queued

    auto service = client.post(
        "/admin/v1/sms/push",
        {{"msisdn", "13800138000"}, {"text", "code 123456"}, {"purpose", "service"}}, admin);
    BOOST_TEST(service.status == 202u);
    BOOST_TEST(client
                   .post("/admin/v1/sms/push",
                         {{"msisdn", "13800138000"}, {"text", "x"}, {"purpose", "spam"}}, admin)
                   .status == 400u);

    BOOST_TEST(client.get("/sms/mo?from=13800138000&to=10086&text=KT").status == 200u);
    BOOST_TEST(push_of(client, push(client, "13800138000", "offer again"))["status"] == "queued");
}

BOOST_AUTO_TEST_CASE(delivery_reports_need_an_allowed_source_or_the_secret) {
    auto config = outbox_config();
    config["sms"]["allowed_sources"] = nlohmann::json::array({"192.0.2.10"});
    config["sms"]["shared_secret"] = "dlr-shared-secret-0001";
    ServerProcess server("sms-outbox-dlr-auth");
    BOOST_TEST_REQUIRE(server.start(config), server.stderr_text());
    HttpClient client(server.port());
    const auto id = push(client, "13800138000", "code 4711");

    const std::string dlr = "/sms/dlr?id=" + std::to_string(id) + "&status=1";
    BOOST_TEST(client.get(dlr).status == 403u);
    BOOST_TEST(client.get(dlr + "&secret=wrong-secret-000000").status == 403u);
    BOOST_TEST(push_of(client, id)["status"] == "queued");
    BOOST_TEST(client.get(dlr + "&secret=dlr-shared-secret-0001").status == 200u);
    BOOST_TEST(push_of(client, id)["status"] == "delivered");
}

BOOST_AUTO_TEST_CASE(pushes_are_retried_while_kannel_is_down_and_kept_across_restarts) {
    auto config = outbox_config();
    config["sms"]["sendsms_url"] = "http://127.0.0.1:1/cgi-bin/sendsms";  // nothing listens
    config["sms"]["sendsms_user"] = "ehall";
    config["sms"]["sendsms_password"] = "secret";
    ServerProcess server("sms-outbox-retry");
    BOOST_TEST_REQUIRE(server.start(config), server.stderr_text());
    std::int64_t id = 0;
    {
        HttpClient client(server.port());
        auto accepted =
            client.post("/admin/v1/sms/push", {{"msisdn", "13800138000"}, {"text", "hi"}}, admin);
        BOOST_TEST_REQUIRE(accepted.status == 202u);
        BOOST_TEST(accepted.json()["data"]["sending"] == true);
        id = accepted.json()["data"]["id"].get<std::int64_t>();
        BOOST_TEST(eventually([&] { return push_of(client, id)["attempts"] >= 2; }));
        auto message = push_of(client, id);
        BOOST_TEST(message["status"] == "queued");
        BOOST_TEST(message["last_error"].get<std::string>().find("cannot reach Kannel") !=
                   std::string::npos);
    }
    BOOST_TEST(server.stop() == 0);

    BOOST_TEST_REQUIRE(server.start(config), server.stderr_text());
    HttpClient client(server.port());
    const auto before = push_of(client, id)["attempts"].get<int>();
    BOOST_TEST(before >= 2);
    BOOST_TEST(eventually([&] { return push_of(client, id)["attempts"].get<int>() > before; },
                          std::chrono::seconds(20)),
               "the restarted sender keeps trying the queued push");
    BOOST_TEST(push_of(client, id)["status"] == "queued");
}

BOOST_AUTO_TEST_CASE(an_unusable_sendsms_url_stops_start_up_naming_the_key) {
    auto config = outbox_config();
    config["sms"]["sendsms_url"] = "https://kannel.example/cgi-bin/sendsms";
    config["sms"]["sendsms_user"] = "ehall";
    ServerProcess server("sms-outbox-bad-url");
    BOOST_TEST(!server.start(config));
    BOOST_TEST(server.exit_status().value_or(0) == 78);
    BOOST_TEST(server.stderr_text().find("sms.sendsms_url") != std::string::npos,
               server.stderr_text());
}

BOOST_AUTO_TEST_SUITE_END()
