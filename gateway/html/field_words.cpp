#include "gateway/html/field_words.hpp"

#include <array>
#include <utility>

#include "gateway/base/yuan.hpp"

namespace ehall {

namespace {

using Words = std::pair<std::string_view, std::string_view>;

// Fields that several plugins and the hall itself answer with; a plugin's own fields are
// labelled in its manifest.
constexpr std::array field_labels = {
    Words{"msisdn", "手机号码"},  Words{"brand", "品牌"},
    Words{"balance_fen", "余额"}, Words{"month", "月份"},
    Words{"amount_fen", "金额"},  Words{"status", "状态"},
    Words{"entries", "记录"},     Words{"settled_fen", "销账金额"},
    Words{"masked_name", "姓名"}, Words{"time", "时间"},
    Words{"title", "名称"},       Words{"kind", "类型"},
    Words{"ends", "截止时间"},    Words{"replayed", "重复提交（未重复办理）"},
    Words{"channel", "渠道"},     Words{"terminal_id", "终端"},
};

// Channels, as the journal names them.
constexpr std::array value_labels = {
    Words{"web", "网上营业厅"}, Words{"sms", "短信营业厅"},          Words{"kiosk", "自助终端"},
    Words{"hall", "营业厅"},    Words{"partner_hall", "合作营业厅"}, Words{"hotline", "10086热线"},
    Words{"wap", "手机营业厅"}, Words{"mobile_pay", "手机支付"},     Words{"bank", "银行"},
    Words{"other", "其他"},
};

std::string lookup(const auto& table, std::string_view key) {
    for (const auto& [name, words] : table) {
        if (name == key)
            return std::string(words);
    }
    return std::string(key);
}

}  // namespace

std::string field_label(std::string_view key, const Manifest& plugin) {
    for (const auto& label : plugin.labels) {
        if (label.field == key)
            return label.label;
    }
    return lookup(field_labels, key);
}

std::string value_label(std::string_view value, const Manifest* plugin) {
    if (plugin) {
        for (const auto& label : plugin->value_labels) {
            if (label.value == value)
                return label.label;
        }
    }
    return lookup(value_labels, value);
}

std::string display_value(std::string_view key, const nlohmann::json& value,
                          const Manifest* plugin) {
    if (value.is_boolean())
        return value.get<bool>() ? "是" : "否";
    if (value.is_null())
        return "—";
    if (value.is_number_integer() && key.ends_with("_fen"))
        return format_yuan(value.get<std::int64_t>()) + " 元";
    if (value.is_string())
        return value_label(value.get<std::string>(), plugin);
    return value.dump();
}

}  // namespace ehall
