#include "gateway/analytics/csv_import.hpp"

namespace ehall::analytics {

namespace {

std::string header_text(const CsvLayout& layout) {
    std::string text;
    for (std::string_view column : layout.columns)
        text.append(text.empty() ? "" : ",").append(column);
    for (std::string_view column : layout.optional_columns)
        text.append("[,").append(column).append("]");
    return text;
}

// The number of columns of a valid header, or 0.
std::size_t header_columns(const CsvRecord& header, const CsvLayout& layout) {
    const auto& fields = header.fields;
    const std::size_t required = layout.columns.size();
    if (header.error || fields.size() < required ||
        fields.size() > required + layout.optional_columns.size())
        return 0;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const std::string_view expected =
            i < required ? layout.columns[i] : layout.optional_columns[i - required];
        if (fields[i] != expected)
            return 0;
    }
    return fields.size();
}

}  // namespace

ImportResult import_csv(CsvFile& file, SqliteFile& db, const CsvLayout& layout, bool skip_bad,
                        const HeaderSeen& on_header, const TransactionSteps& steps) {
    const auto started = std::chrono::steady_clock::now();
    CsvRecord record;
    const std::size_t columns = file.next(record) ? header_columns(record, layout) : 0;
    if (columns == 0)
        throw ImportError("line 1: the header must be " + header_text(layout));
    const RowImporter import_row = on_header(columns);

    ImportResult result;
    db.exec("BEGIN IMMEDIATE");
    try {
        if (steps.after_begin)
            steps.after_begin();
        while (file.next(record)) {
            std::string reason;
            if (record.error)
                reason = record.error;
            else if (record.fields.size() != columns)
                reason = "expected " + std::to_string(columns) + " fields, found " +
                         std::to_string(record.fields.size());
            else
                reason = import_row(record.fields);
            if (reason.empty())
                ++result.imported;
            else
                result.bad.push_back({record.line, std::move(reason)});
        }
        if (!result.bad.empty() && !skip_bad) {
            if (steps.before_rollback)
                steps.before_rollback();
            db.exec("ROLLBACK");
            result.imported = 0;
        } else {
            if (steps.before_commit)
                steps.before_commit();
            db.exec("COMMIT");
            result.committed = true;
        }
    } catch (...) {
        if (steps.before_rollback)
            steps.before_rollback();
        try {
            db.exec("ROLLBACK");
        } catch (const std::exception&) {  // the first error is the one to report
        }
        throw;
    }
    result.elapsed = std::chrono::steady_clock::now() - started;
    return result;
}

}  // namespace ehall::analytics
