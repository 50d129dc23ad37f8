#include "catalog_admin.hpp"

#include <ehall/clock.hpp>
#include "offer_definition.hpp"

namespace ehall::offers {

namespace {

ParamSpec id_param() {
    return {.name = "id", .type = ParamType::text, .label = "优惠编号", .max_length = 16};
}

// `changes` over the stored offer (none for a new one), validated and saved.
ServiceResult save(Store& store, const std::string& id, const nlohmann::json& changes,
                   bool create) {
    ServiceResult result;
    store.write([&](Transaction& tx) {
        auto before = stored_offer(tx, id);
        if (create && before) {
            result = ServiceResult::error("already_exists", "offer id " + id + " is taken");
            return;
        }
        if (!create && !before) {
            result = ServiceResult::error("not_found", "no offer " + id);
            return;
        }
        nlohmann::json offer = before ? *before : nlohmann::json::object();
        offer.update(changes);
        if (auto problem = validate_offer(offer)) {
            result = ServiceResult::error("bad_request", *problem);
            return;
        }
        save_offer(tx, offer, now_ms());
        result = ServiceResult::ok({{"offer", offer}, {"before", before ? *before : nullptr}});
    });
    return result;
}

}  // namespace

std::vector<OperationSpec> catalog_admin_operations() {
    return {
        {.name = "list", .title = "优惠目录"},
        {.name = "create",
         .title = "新建优惠",
         .params = {{.name = "offer", .type = ParamType::json, .label = "优惠定义（JSON）"}},
         .changes_state = true},
        {.name = "update",
         .title = "修改优惠",
         .params = {id_param(),
                    {.name = "changes", .type = ParamType::json, .label = "修改的字段（JSON）"}},
         .changes_state = true},
        {.name = "pause", .title = "暂停优惠", .params = {id_param()}, .changes_state = true},
        {.name = "resume", .title = "恢复优惠", .params = {id_param()}, .changes_state = true},
    };
}

ServiceResult run_catalog_admin(Store& store, const ServiceRequest& request) {
    const std::string& op = request.operation;
    const nlohmann::json& params = request.params;
    if (op == "list") {
        nlohmann::json offers;
        store.read([&](Transaction& tx) { offers = stored_offers(tx); });
        return ServiceResult::ok({{"offers", offers}});
    }
    if (op == "create") {
        const nlohmann::json& offer = params.at("offer");
        if (!offer.is_object())
            return ServiceResult::error("bad_request", "parameter 'offer' must be a JSON object");
        const auto id = offer.value("id", nlohmann::json());
        return save(store, id.is_string() ? id.get<std::string>() : std::string{}, offer, true);
    }
    const std::string id = params.at("id").get<std::string>();
    if (op == "update") {
        const nlohmann::json& changes = params.at("changes");
        if (!changes.is_object())
            return ServiceResult::error("bad_request", "parameter 'changes' must be a JSON object");
        if (changes.contains("id") && changes["id"] != id)
            return ServiceResult::error("bad_request", "an offer's id cannot change");
        return save(store, id, changes, false);
    }
    if (op == "pause" || op == "resume")
        return save(store, id, {{"status", op == "pause" ? "paused" : "active"}}, false);
    return ServiceResult::error("unknown_operation", "no admin operation " + op);
}

}  // namespace ehall::offers
