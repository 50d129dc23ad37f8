#include "gateway/analytics/csv_cell.hpp"

#include <algorithm>

namespace ehall::analytics {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// -?digits(.digits)?: what a spreadsheet reads as a number and never as a formula.
bool is_plain_number(std::string_view value) {
    if (value.starts_with('-'))
        value.remove_prefix(1);
    const auto point = value.find('.');
    const std::string_view whole = value.substr(0, point);
    const std::string_view fraction =
        point == std::string_view::npos ? std::string_view("0") : value.substr(point + 1);
    return !whole.empty() && !fraction.empty() &&
           std::all_of(whole.begin(), whole.end(), is_digit) &&
           std::all_of(fraction.begin(), fraction.end(), is_digit);
}

bool starts_a_formula(std::string_view value) {
    if (value.starts_with('\t') || value.starts_with('\r'))
        return true;
    const auto first = value.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos &&
           std::string_view("=+-@").find(value[first]) != std::string_view::npos;
}

}  // namespace

void append_csv_cell(std::string& line, std::string_view value, CsvColumn column) {
    if (column == CsvColumn::number && is_plain_number(value)) {
        line.append(value);
        return;
    }
    // Only a quote, comma or line break needs the quotes, and quotes inside are doubled.
    const bool quoted = value.find_first_of(",\"\r\n") != std::string_view::npos;
    if (quoted)
        line.push_back('"');
    if (starts_a_formula(value))
        line.push_back('\'');
    for (char c : value) {
        if (c == '"')
            line.push_back('"');
        line.push_back(c);
    }
    if (quoted)
        line.push_back('"');
}

}  // namespace ehall::analytics
