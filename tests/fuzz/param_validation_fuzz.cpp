// Parameters as the web hall and the kiosk API receive them: the request body parsed by
// json_object_body (gateway/http/json_body), for the kiosk without its own fields
// (take_kiosk_fields), then checked by validate_params against a real operation's manifest.
// Checks: what validates is exactly what the manifest allows, and validating again changes
// nothing.
//
// Input: the first byte picks the operation and the channel (even: web, odd: kiosk); the rest
// is the request body.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>

#include "channels/kiosk/kiosk_call_fields.hpp"
#include "gateway/dispatch/param_validation.hpp"
#include "gateway/http/json_body.hpp"
#include "tests/fuzz/fuzz_check.hpp"

using namespace ehall;

namespace {

bool all_digits(const std::string& text) {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
}

// `value` is what validate_params accepted for `spec`; `sent` is what the client sent.
void check_accepted(const ParamSpec& spec, const nlohmann::json& value,
                    const nlohmann::json& sent) {
    switch (spec.type) {
        case ParamType::integer:
        case ParamType::amount: {
            FUZZ_CHECK(value.is_number_integer());
            const auto number = value.get<std::int64_t>();
            if (spec.type == ParamType::amount)
                FUZZ_CHECK(number > 0);
            if (spec.max > spec.min)
                FUZZ_CHECK(number >= spec.min && number <= spec.max);
            // No silent wrap-around: the number is the one sent.
            if (sent.is_number_unsigned()) {
                FUZZ_CHECK(sent.get<std::uint64_t>() <=
                           std::uint64_t(std::numeric_limits<std::int64_t>::max()));
            }
            if (sent.is_number_integer())
                FUZZ_CHECK(sent == value);
            return;
        }
        case ParamType::text: {
            const auto& text = value.get_ref<const std::string&>();
            FUZZ_CHECK(text.size() <= spec.max_length);
            for (unsigned char c : text)
                FUZZ_CHECK(c >= 0x20 && c != 0x7f);
            return;
        }
        case ParamType::msisdn:
            FUZZ_CHECK(is_mobile_number(value.get_ref<const std::string&>()));
            return;
        case ParamType::phone:
        case ParamType::digits:
            FUZZ_CHECK(all_digits(value.get_ref<const std::string&>()));
            return;
        case ParamType::choice:
            FUZZ_CHECK(std::find(spec.choices.begin(), spec.choices.end(),
                                 value.get_ref<const std::string&>()) != spec.choices.end());
            return;
        case ParamType::json:  // any JSON value; declared by admin operations only
            FUZZ_CHECK(!value.is_discarded());
            return;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    const auto& operations = fuzz::customer_operations();
    const OperationSpec& operation = *operations[(data[0] / 2) % operations.size()].operation;
    const bool kiosk = data[0] % 2 == 1;

    Exchange exchange;
    exchange.request.body().assign(reinterpret_cast<const char*>(data) + 1, size - 1);
    auto body = json_object_body(exchange);
    if (!body)
        return 0;
    FUZZ_CHECK(body->is_object());
    nlohmann::json params = std::move(*body);
    if (kiosk) {
        KioskCallFields fields = take_kiosk_fields(std::move(params), "");
        if (!fields.problem.empty())
            return 0;
        FUZZ_CHECK(!fields.params.contains("customer_token") && !fields.params.contains("msisdn"));
        params = std::move(fields.params);
    }
    const nlohmann::json sent = params;
    if (validate_params(operation, params))
        return 0;
    FUZZ_CHECK(params.is_object());
    for (const auto& spec : operation.params) {
        auto it = params.find(spec.name);
        if (it == params.end()) {
            FUZZ_CHECK(!spec.required);
            continue;
        }
        check_accepted(spec, *it, sent[spec.name]);
    }
    for (const auto& item : params.items()) {
        FUZZ_CHECK(std::any_of(operation.params.begin(), operation.params.end(),
                               [&](const ParamSpec& spec) { return spec.name == item.key(); }));
    }
    // Valid parameters stay valid and unchanged (the dispatcher may see them twice: an SMS
    // confirmation checks before the `Y` and again when it runs).
    nlohmann::json again = params;
    FUZZ_CHECK(!validate_params(operation, again) && again == params);
    FUZZ_CHECK(!params.dump().empty());
    return 0;
}
