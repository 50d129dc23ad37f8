// A report as rows of text cells, printed as an aligned table or as CSV (csv_cell.hpp).
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include <ehall/report.hpp>

namespace ehall::analytics {

// The SDK's, so that plugins' reports print like the core's.
using ReportTable = ehall::ReportTable;

void write_aligned(std::ostream& out, const ReportTable& table);
void write_csv(std::ostream& out, const ReportTable& table);

using ehall::rate_cell;
// count / total, 0 when total is 0 (DESIGN §6a: rates of an empty target are 0).
double fraction(long long count, long long total);

}  // namespace ehall::analytics
