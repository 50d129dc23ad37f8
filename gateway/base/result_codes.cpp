#include "gateway/base/result_codes.hpp"

#include <array>

namespace ehall {

namespace {

using boost::beast::http::status;

struct CodeInfo {
    std::string_view code;
    status http;
    std::string_view outcome;
    std::string_view message;
};

constexpr std::array codes = {
    CodeInfo{"ok", status::ok, "ok", "办理成功"},
    CodeInfo{"bad_request", status::bad_request, "rejected", "请求有误，请检查后重试"},
    CodeInfo{"unauthenticated", status::unauthorized, "rejected", "请先登录"},
    CodeInfo{"code_invalid", status::unauthorized, "rejected", "验证码错误"},
    CodeInfo{"code_expired", status::unauthorized, "rejected", "验证码已失效，请重新获取"},
    CodeInfo{"plugin_disabled", status::forbidden, "rejected", "该业务暂停办理"},
    CodeInfo{"forbidden", status::forbidden, "rejected", "无权办理"},
    CodeInfo{"locked", status::forbidden, "rejected", "尝试次数过多，已暂时锁定，请稍后再试"},
    CodeInfo{"not_found", status::not_found, "rejected", "未找到"},
    CodeInfo{"unknown_operation", status::not_found, "rejected", "不支持该操作"},
    CodeInfo{"already_exists", status::conflict, "rejected", "已存在"},
    CodeInfo{"voucher_used", status::conflict, "declined", "充值卡已被使用"},
    CodeInfo{"out_of_stock", status::conflict, "declined", "礼品已兑完"},
    CodeInfo{"unsupported_media_type", status::unsupported_media_type, "rejected",
             "请求格式不受支持"},
    CodeInfo{"insufficient_balance", status::unprocessable_entity, "declined", "余额不足"},
    CodeInfo{"insufficient_points", status::unprocessable_entity, "declined", "积分不足"},
    CodeInfo{"voucher_invalid", status::unprocessable_entity, "declined", "充值卡密码无效"},
    CodeInfo{"family_number_limit", status::unprocessable_entity, "declined",
             "亲情号码已达上限（5个）"},
    CodeInfo{"family_number_invalid", status::unprocessable_entity, "declined", "亲情号码无效"},
    CodeInfo{"payment_failed", status::unprocessable_entity, "declined", "支付未成功"},
    CodeInfo{"limit_exceeded", status::unprocessable_entity, "declined", "超出交费限额"},
    CodeInfo{"rate_limited", status::too_many_requests, "rejected", "操作过于频繁，请稍后再试"},
    CodeInfo{"internal_error", status::internal_server_error, "error", "系统繁忙，请稍后再试"},
    CodeInfo{"timeout", status::gateway_timeout, "error", "处理超时，请稍后查询结果"},
};

const CodeInfo* find(std::string_view code) {
    for (const auto& info : codes) {
        if (info.code == code)
            return &info;
    }
    return nullptr;
}

}  // namespace

status http_status_for(std::string_view code) {
    const CodeInfo* info = find(code);
    return info ? info->http : status::unprocessable_entity;
}

std::string_view outcome_for(std::string_view code) {
    const CodeInfo* info = find(code);
    return info ? info->outcome : "declined";
}

std::string_view message_for(std::string_view code) {
    const CodeInfo* info = find(code);
    return info ? info->message : "未能办理";
}

}  // namespace ehall
