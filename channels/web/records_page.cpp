// GET /records: the customer's recent interactions on every channel, newest first, times
// in Asia/Shanghai.
#include <ehall/clock.hpp>
#include "channels/web/web_pages.hpp"
#include "gateway/base/result_codes.hpp"
#include "gateway/base/yuan.hpp"
#include "gateway/html/field_words.hpp"
#include "gateway/html/html_response.hpp"
#include "gateway/journal/customer_history.hpp"

namespace ehall {

namespace {

constexpr int records_shown = 50;

// Imported hall and hotline records carry an outcome but often no code.
std::string outcome_text(const InteractionLine& line) {
    if (!line.code.empty())
        return std::string(message_for(line.code));
    if (line.outcome == "ok")
        return "办理成功";
    return line.outcome == "error" ? "办理失败" : "未办理";
}

}  // namespace

HttpResponse WebPages::records(const Exchange& exchange) {
    auto session = page_session(exchange);
    if (!session)
        return see_other("/login");
    // What this customer just did may still sit in the journal's queue: it is read from there.
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& line : recent_interactions(journal_, session->msisdn, records_shown)) {
        rows.push_back({{"time", shanghai_datetime(line.ts_ms)},
                        {"channel", value_label(line.channel)},
                        {"business", operation_title(line.plugin, line.operation)},
                        {"ok", line.outcome == "ok"},
                        {"outcome", outcome_text(line)},
                        {"amount", line.amount_fen ? format_yuan(*line.amount_fen) : ""}});
    }
    nlohmann::json data = frame(*session, "我的记录", "/records");
    data["has_records"] = !rows.empty();
    data["records"] = std::move(rows);
    data["limit"] = records_shown;
    return page(http::status::ok, "records_page", data);
}

}  // namespace ehall
