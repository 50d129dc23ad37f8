#include "gateway/analytics/report_table.hpp"

#include <algorithm>
#include <cstdio>

#include "gateway/analytics/csv_cell.hpp"

namespace ehall::analytics {

namespace {

// Display width: every UTF-8 sequence counts as one column (channel and business names
// are ASCII; this keeps any other text from breaking the alignment by bytes).
std::size_t width(const std::string& text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

void write_row(std::ostream& out, const std::vector<std::string>& cells,
               const std::vector<std::size_t>& widths, std::size_t label_columns) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const std::string padding(widths[i] - width(cells[i]), ' ');
        // Labels align left, figures right.
        if (i > 0)
            line.append("  ");
        if (i < label_columns)
            line.append(cells[i]).append(padding);
        else
            line.append(padding).append(cells[i]);
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << "\n";
}

}  // namespace

void write_aligned(std::ostream& out, const ReportTable& table) {
    std::vector<std::size_t> widths(table.columns.size(), 0);
    for (std::size_t i = 0; i < widths.size(); ++i)
        widths[i] = width(table.columns[i]);
    for (const auto& row : table.rows) {
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], width(row[i]));
    }
    if (!table.title.empty())
        out << table.title << "\n\n";
    write_row(out, table.columns, widths, table.label_columns);
    std::size_t total = 0;
    for (std::size_t w : widths)
        total += w + 2;
    out << std::string(total > 2 ? total - 2 : 0, '-') << "\n";
    for (const auto& row : table.rows)
        write_row(out, row, widths, table.label_columns);
}

void write_csv(std::ostream& out, const ReportTable& table) {
    std::string line;
    auto write_line = [&](const std::vector<std::string>& cells, bool header) {
        line.clear();
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i)
                line.push_back(',');
            const bool figure = !header && i >= table.label_columns;
            append_csv_cell(line, cells[i], figure ? CsvColumn::number : CsvColumn::text);
        }
        out << line << "\n";
    };
    write_line(table.columns, true);
    for (const auto& row : table.rows)
        write_line(row, false);
}

double fraction(long long count, long long total) {
    return total > 0 ? static_cast<double>(count) / static_cast<double>(total) : 0.0;
}

}  // namespace ehall::analytics
