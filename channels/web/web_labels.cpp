#include "channels/web/web_labels.hpp"

#include <array>
#include <utility>

#include "channels/sms/yuan.hpp"

namespace ehall {

namespace {

using Words = std::pair<std::string_view, std::string_view>;

constexpr std::array field_labels = {
    Words{"msisdn", "手机号码"},
    Words{"brand", "品牌"},
    Words{"balance_fen", "余额"},
    Words{"due_fen", "待缴金额"},
    Words{"current", "本期账单"},
    Words{"months", "近期账单"},
    Words{"month", "月份"},
    Words{"amount_fen", "金额"},
    Words{"status", "状态"},
    Words{"entries", "记录"},
    Words{"method", "支付方式"},
    Words{"receipt_no", "收据号"},
    Words{"payment_id", "交易号"},
    Words{"reference", "支付流水号"},
    Words{"settled_fen", "销账金额"},
    Words{"settled_months", "销账月份"},
    Words{"ecoins_awarded", "奖励电子券"},
    Words{"masked_name", "姓名"},
    Words{"time", "时间"},
    Words{"points", "积分"},
    Words{"ecoins", "电子券"},
    Words{"items", "礼品"},
    Words{"item", "礼品编号"},
    Words{"title", "名称"},
    Words{"kind", "类型"},
    Words{"points_price", "所需积分"},
    Words{"ecoins_price", "所需电子券"},
    Words{"value_fen", "价值"},
    Words{"stock", "库存"},
    Words{"in_stock", "有货"},
    Words{"affordable", "可兑换"},
    Words{"packages", "亲情包"},
    Words{"package_id", "亲情包编号"},
    Words{"members", "亲情号码"},
    Words{"number", "号码"},
    Words{"free_minutes", "每月免费分钟"},
    Words{"free_minutes_left", "本月剩余免费分钟"},
    Words{"monthly_fee_fen", "月功能费"},
    Words{"charged_fen", "本次扣费"},
    Words{"max_members", "亲情号码上限"},
    Words{"opened", "开通时间"},
    Words{"ends", "截止时间"},
    Words{"replayed", "重复提交（未重复办理）"},
    Words{"fee_fen", "手续费"},
    Words{"ends_on", "截止日期"},
    Words{"free_minutes_used", "本月已用免费分钟"},
    Words{"added", "添加时间"},
    Words{"redemption_no", "兑换单号"},
    Words{"points_spent", "使用积分"},
    Words{"ecoins_spent", "使用电子券"},
    Words{"old", "原号码"},
    Words{"new", "新号码"},
    Words{"channel", "渠道"},
    Words{"pickup_code", "领取码"},
    Words{"voucher_code", "券码"},
};

constexpr std::array value_labels = {
    Words{"card", "银行卡"},
    Words{"cash", "现金（仅限自助终端）"},
    Words{"due", "待缴"},
    Words{"paid", "已缴"},
    Words{"active", "生效中"},
    Words{"cancelling", "本月底结束"},
    Words{"payment", "交费"},
    Words{"voucher", "充值卡"},
    // Channels, as the journal names them.
    Words{"web", "网上营业厅"},
    Words{"sms", "短信营业厅"},
    Words{"kiosk", "自助终端"},
    Words{"hall", "营业厅"},
    Words{"partner_hall", "合作营业厅"},
    Words{"hotline", "10086热线"},
    Words{"wap", "手机营业厅"},
    Words{"mobile_pay", "手机支付"},
    Words{"bank", "银行"},
    Words{"other", "其他"},
    Words{"phone_credit", "话费"},
    Words{"service_fee", "业务功能费"},
    Words{"gift", "礼品"},
    Words{"merchant_voucher", "商户券"},
    Words{"points", "积分"},
    Words{"ecoins", "电子券"},
};

std::string lookup(const auto& table, std::string_view key) {
    for (const auto& [name, words] : table) {
        if (name == key)
            return std::string(words);
    }
    return std::string(key);
}

}  // namespace

std::string field_label(std::string_view key) {
    return lookup(field_labels, key);
}

std::string value_label(std::string_view value) {
    return lookup(value_labels, value);
}

std::string display_value(std::string_view key, const nlohmann::json& value) {
    if (value.is_boolean())
        return value.get<bool>() ? "是" : "否";
    if (value.is_null())
        return "—";
    if (value.is_number_integer() && key.ends_with("_fen"))
        return sms::format_yuan(value.get<std::int64_t>()) + " 元";
    if (value.is_string())
        return value_label(value.get<std::string>());
    return value.dump();
}

}  // namespace ehall
