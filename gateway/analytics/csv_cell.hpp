// One CSV cell as ehall writes it, for every CSV it writes (exports, reports): RFC 4180
// quoting, and no cell a spreadsheet would run. Text whose first character is = + - @, a tab
// or a CR, or whose first character after leading white space is = + - @, gets a
// leading ' (OWASP's rule for CSV injection), so Excel and LibreOffice show it as text.
#pragma once

#include <string>
#include <string_view>

namespace ehall::analytics {

enum class CsvColumn {
    text,    // anything: neutralised as above
    number,  // figures ehall computed: a plain decimal number (-5, 0.4920) stays a number;
             // anything else in it is treated as text
};

// Appends `value` to `line` as one cell (no separator).
void append_csv_cell(std::string& line, std::string_view value, CsvColumn column);

}  // namespace ehall::analytics
