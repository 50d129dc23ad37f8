// A report as rows of text cells, printed as an aligned table or as CSV (csv_cell.hpp).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace ehall::analytics {

struct ReportTable {
    std::string title;  // one line above the table (not in CSV)
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
    // The first columns are labels (text, aligned left); the others are figures (numbers,
    // aligned right).
    std::size_t label_columns = 1;
};

void write_aligned(std::ostream& out, const ReportTable& table);
void write_csv(std::ostream& out, const ReportTable& table);

// A fraction as a cell: 4 decimals ("0.4920").
std::string rate_cell(double rate);
// count / total, 0 when total is 0 (DESIGN §6a: rates of an empty target are 0).
double fraction(long long count, long long total);

}  // namespace ehall::analytics
