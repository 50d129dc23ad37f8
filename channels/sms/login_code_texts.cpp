#include "channels/sms/login_code_texts.hpp"

#include <stdexcept>

namespace ehall::sms {

LoginCodeTexts::LoginCodeTexts(SmsOutbox& outbox, const SmsTemplates& templates)
    : outbox_(outbox), templates_(templates) {
    if (!templates_.has(login_code_template))
        throw std::runtime_error("missing SMS template login_code.mustache");
}

void LoginCodeTexts::send_code(const std::string& msisdn, const std::string& code,
                               std::int64_t minutes, std::int64_t now_ms,
                               const std::function<void(Transaction&)>& also) {
    const std::string text = templates_.render(
        login_code_template, {{"code", code}, {"minutes", std::to_string(minutes)}});
    outbox_.enqueue(msisdn, text, now_ms, [&](Transaction& tx, std::int64_t) { also(tx); });
}

}  // namespace ehall::sms
