// Idempotent operations: a retry with the same key returns the first result and changes
// nothing. Header-only, used inside the plugin's own write transaction so the business
// change and its recorded result commit together (or not at all).
//
// A key is scoped to its owner (the customer, or the terminal for anonymous cash
// payments). Without a key, the request id stands in: unique, so nothing is deduplicated.
#pragma once

#include <optional>
#include <string>

#include <ehall/clock.hpp>
#include <ehall/plugin.hpp>
#include <ehall/store.hpp>

namespace ehall {

inline std::string idempotency_owner(const ServiceRequest& request) {
    return request.customer.empty() ? "terminal:" + request.terminal_id : request.customer;
}

inline std::string idempotency_key_of(const ServiceRequest& request) {
    return request.idempotency_key.empty() ? "request:" + request.request_id
                                           : request.idempotency_key;
}

// The result recorded under the request's key, marked `"replayed": true` and without
// `amount_fen` (the money moved once, with the first request). A key reused for another
// operation or other parameters is refused with `bad_request`.
inline std::optional<ServiceResult> recorded_result(Transaction& tx,
                                                    const ServiceRequest& request) {
    auto rows = tx.query(
        "SELECT plugin, operation, params_json, result_json FROM operation_results "
        "WHERE owner = ? AND idempotency_key = ?",
        {idempotency_owner(request), idempotency_key_of(request)});
    if (rows.empty())
        return std::nullopt;
    const Row& row = rows.front();
    if (row.text("plugin") != request.plugin || row.text("operation") != request.operation ||
        row.text("params_json") != request.params.dump()) {
        return ServiceResult::error("bad_request",
                                    "Idempotency-Key already used for a different request");
    }
    auto stored = nlohmann::json::parse(row.text("result_json"));
    ServiceResult result;
    result.code = stored.value("code", "ok");
    result.data = stored.value("data", nlohmann::json::object());
    result.message = stored.value("message", "");
    result.offer_id = stored.value("offer_id", "");
    result.data["replayed"] = true;
    return result;
}

inline void record_result(Transaction& tx, const ServiceRequest& request,
                          const ServiceResult& result, std::int64_t now_ms) {
    nlohmann::json stored = {{"code", result.code},
                             {"data", result.data},
                             {"message", result.message},
                             {"offer_id", result.offer_id}};
    tx.execute(
        "INSERT INTO operation_results (owner, idempotency_key, plugin, operation, params_json, "
        "result_json, ts_ms) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {idempotency_owner(request), idempotency_key_of(request), request.plugin, request.operation,
         request.params.dump(), stored.dump(), now_ms});
}

// One write transaction behind the idempotency check: the result recorded under the
// request's key if there is one, else `operation(tx, now_ms)`'s, recorded together with
// the change. A refusal (any result but ok) rolls back what the operation wrote and is not
// recorded, so a retry runs again.
template <typename Operation>
ServiceResult idempotent_write(Store& store, const ServiceRequest& request, Operation operation) {
    struct Refusal {
        ServiceResult result;
    };
    ServiceResult result;
    try {
        store.write([&](Transaction& tx) {
            if (auto recorded = recorded_result(tx, request)) {
                result = std::move(*recorded);
                return;
            }
            const std::int64_t now = now_ms();
            result = operation(tx, now);
            if (!result.is_ok())
                throw Refusal{result};
            record_result(tx, request, result, now);
        });
    } catch (const Refusal& refusal) {
        return refusal.result;
    }
    return result;
}

}  // namespace ehall
