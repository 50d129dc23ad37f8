// The SMS channel's side of the CodeSender port: a one-time code becomes the text of
// templates/sms/login_code.mustache ({{code}}, {{minutes}}) queued in the SMS outbox.
#pragma once

#include "channels/sms/outbox/sms_outbox.hpp"
#include "channels/sms/sms_templates.hpp"
#include "gateway/identity/code_sender.hpp"

namespace ehall::sms {

inline constexpr std::string_view login_code_template = "login_code";

class LoginCodeTexts : public CodeSender {
  public:
    // Throws std::runtime_error when `templates` has no login_code template.
    LoginCodeTexts(SmsOutbox& outbox, const SmsTemplates& templates);

    void send_code(const std::string& msisdn, const std::string& code, std::int64_t minutes,
                   std::int64_t now_ms, const std::function<void(Transaction&)>& also) override;

  private:
    SmsOutbox& outbox_;
    const SmsTemplates& templates_;
};

}  // namespace ehall::sms
