// GET /services/{plugin}/{operation}: the operation's form, generated from its manifest.
// POST: checks the CSRF token and the fields (a wrong field shows the form again with its
// message), runs the operation through the dispatcher and shows the result, its code in
// Chinese. The form carries an idempotency key, so submitting it twice (a reload, a double
// click) changes nothing the second time.
#include "channels/web/operation_form.hpp"
#include "channels/web/web_pages.hpp"
#include "gateway/base/random_token.hpp"
#include "gateway/base/result_codes.hpp"
#include "gateway/html/html_response.hpp"
#include "gateway/html/result_view.hpp"
#include "gateway/http/json_body.hpp"

namespace ehall {

namespace {

nlohmann::json form_page_data(nlohmann::json data, const AvailableOperation& available,
                              const FormFields& values,
                              const std::map<std::string, std::string>& errors) {
    const OperationSpec& operation = *available.operation;
    data["plugin_name"] = available.plugin->name;
    data["action"] = "/services/" + available.plugin->id + "/" + operation.name;
    data["fields"] = form_fields(*available.plugin, operation, values, errors);
    if (operation.changes_state)
        data["idempotency_key"] = random_hex(16);
    data["submit_label"] = operation.changes_state ? "确认办理" : "查询";
    return data;
}

}  // namespace

HttpResponse WebPages::operation_form(const Exchange& exchange) {
    auto session = page_session(exchange);
    if (!session)
        return see_other("/login");
    auto available = requested_operation(exchange);
    if (!available)
        return message_page(http::status::not_found, &*session, "未找到",
                            "该业务不存在或暂停办理。");
    return page(
        http::status::ok, "operation_page",
        form_page_data(frame(*session, available->operation->title, ""), *available, {}, {}));
}

void WebPages::operation_submit(const Exchange& exchange, Reply& reply) {
    auto session = page_session(exchange);
    if (!session)
        return reply(see_other("/login"));
    HttpResponse refusal;
    auto form = checked_form(exchange, *session, &refusal);
    if (!form)
        return reply(std::move(refusal));
    auto available = requested_operation(exchange);
    if (!available) {
        return reply(
            message_page(http::status::not_found, &*session, "未找到", "该业务不存在或暂停办理。"));
    }
    const OperationSpec& operation = *available->operation;
    auto reading = read_operation_form(operation, *form);
    const std::string key = form_field(*form, "idempotency_key");
    if (!key.empty() && !usable_idempotency_key(key))
        reading.errors["idempotency_key"] = "表单已损坏，请重新打开本页。";
    if (!reading.ok()) {
        auto data =
            form_page_data(frame(*session, operation.title, ""), *available, *form, reading.errors);
        data["error"] = "请按提示修改后重新提交。";
        return reply(page(http::status::bad_request, "operation_page", data));
    }
    ServiceRequest request;
    request.channel = "web";
    request.customer = session->msisdn;
    request.session_id = session->session_id;
    request.plugin = available->plugin->id;
    request.operation = operation.name;
    request.request_id = exchange.request_id;
    request.params = std::move(reading.params);
    request.idempotency_key = key;
    nlohmann::json data = frame(*session, operation.title, "");
    data["plugin_name"] = available->plugin->name;
    data["again_href"] = "/services/" + request.plugin + "/" + request.operation;
    // The manifest outlives every call.
    const Manifest* plugin = available->plugin;
    dispatcher_.dispatch(
        std::move(request), [this, plugin, data = std::move(data),
                             reply = std::move(reply)](ServiceResult result) mutable {
            data["ok"] = result.is_ok();
            data["code"] = result.code;
            data["outcome"] = message_for(result.code);
            data["view"] = result_view(result.data, *plugin);
            reply(page(result.is_ok() ? http::status::ok : http_status_for(result.code),
                       "result_page", data));
        });
}

}  // namespace ehall
