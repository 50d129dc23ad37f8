#include "voucher_pool.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>

namespace ehall::points {

namespace {

constexpr std::size_t kMaxFieldLength = 64;

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r");
    return text.substr(first, last - first + 1);
}

bool plain_field(const std::string& field) {
    return !field.empty() && field.size() <= kMaxFieldLength &&
           std::all_of(field.begin(), field.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                      c == '-' || c == '_';
           });
}

[[noreturn]] void malformed(int line, const std::string& why) {
    throw std::invalid_argument("line " + std::to_string(line) + ": " + why);
}

}  // namespace

std::vector<VoucherCode> parse_voucher_pool(std::istream& csv) {
    std::vector<VoucherCode> codes;
    std::string text;
    int line = 0;
    bool header_seen = false;
    while (std::getline(csv, text)) {
        ++line;
        if (line == 1 && text.starts_with("\xEF\xBB\xBF"))
            text.erase(0, 3);  // a UTF-8 byte order mark from spreadsheet exports
        text = trimmed(text);
        if (text.empty())
            continue;
        const auto comma = text.find(',');
        if (comma == std::string::npos || text.find(',', comma + 1) != std::string::npos)
            malformed(line, "expected two fields item,code");
        VoucherCode entry{.item = trimmed(text.substr(0, comma)),
                          .code = trimmed(text.substr(comma + 1)),
                          .line = line};
        if (!header_seen) {
            if (entry.item != "item" || entry.code != "code")
                malformed(line, "expected the header item,code");
            header_seen = true;
            continue;
        }
        if (!plain_field(entry.item) || !plain_field(entry.code))
            malformed(line, "item and code must be 1-64 letters, digits, '-' or '_'");
        codes.push_back(std::move(entry));
    }
    if (!header_seen)
        malformed(line + 1, "expected the header item,code");
    return codes;
}

std::size_t import_voucher_pool(Store& store, const std::string& path) {
    std::ifstream csv(path);
    if (!csv)
        throw std::invalid_argument("key 'voucher_pool_csv': cannot read '" + path + "'");
    std::vector<VoucherCode> codes;
    try {
        codes = parse_voucher_pool(csv);
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument("key 'voucher_pool_csv': " + path + " " + e.what());
    }
    std::size_t added = 0;
    store.write([&](Transaction& tx) {
        for (const auto& entry : codes) {
            if (tx.query("SELECT 1 FROM rewards WHERE item = ? AND kind = 'merchant_voucher'",
                         {entry.item})
                    .empty()) {
                throw std::invalid_argument("key 'voucher_pool_csv': " + path + " line " +
                                            std::to_string(entry.line) + ": '" + entry.item +
                                            "' is not a merchant voucher reward");
            }
            added += static_cast<std::size_t>(
                tx.execute("INSERT INTO merchant_voucher_codes (item, code) VALUES (?, ?) "
                           "ON CONFLICT DO NOTHING",
                           {entry.item, entry.code}));
        }
    });
    return added;
}

}  // namespace ehall::points
