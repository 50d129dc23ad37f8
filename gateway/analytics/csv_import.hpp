// The shared part of `ehall import` (DESIGN §6a): header check, one transaction per file,
// every bad line named, all-or-nothing unless skip_bad.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "gateway/analytics/csv_file.hpp"

namespace ehall::analytics {

// The file cannot be imported at all (unreadable, wrong header); nothing was written.
class ImportError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct BadLine {
    std::size_t line = 0;
    std::string reason;
};

struct ImportResult {
    std::size_t imported = 0;  // rows committed (0 when bad lines stopped the import)
    std::vector<BadLine> bad;  // in file order
    bool committed = false;
    // Something that failed after the commit, which the rows do not depend on.
    std::string warning;
    std::chrono::duration<double> elapsed{};
};

struct CsvLayout {
    std::vector<std::string_view> columns;           // required, in this order
    std::vector<std::string_view> optional_columns;  // may follow, each once, in any order
};

// A valid header: how many fields each record has, and where the optional columns are.
struct CsvHeader {
    static constexpr std::size_t absent = static_cast<std::size_t>(-1);
    std::size_t columns = 0;
    std::vector<std::size_t> optional_at;  // per CsvLayout::optional_columns: index or absent
};

// Validates and inserts one record (fields as many as the header's columns); returns why the
// record is bad ("" when it was inserted).
using RowImporter = std::function<std::string(const std::vector<std::string_view>& fields)>;
// Called once after the header is read.
using HeaderSeen = std::function<RowImporter(const CsvHeader& header)>;

// Work inside the import's transaction, around the rows (e.g. dropping and rebuilding
// indexes); empty functions do nothing. before_rollback runs before a ROLLBACK (bad lines or
// an error) and must not throw.
struct TransactionSteps {
    std::function<void()> after_begin;
    std::function<void()> before_commit;
    std::function<void()> before_rollback;
};

// The database an import's transaction runs on: how it runs BEGIN, COMMIT and ROLLBACK.
struct ImportDatabase {
    std::function<void(const char* sql)> exec;
    const char* begin = "BEGIN IMMEDIATE";  // PostgreSQL: "BEGIN"
};

// Reads `file` in one transaction on `db`. A bad line rolls everything back unless
// `skip_bad`. Throws ImportError for a missing or wrong header.
ImportResult import_csv(CsvFile& file, const ImportDatabase& db, const CsvLayout& layout,
                        bool skip_bad, const HeaderSeen& on_header,
                        const TransactionSteps& steps = {});

}  // namespace ehall::analytics
