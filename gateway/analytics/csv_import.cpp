#include "gateway/analytics/csv_import.hpp"

#include <algorithm>
#include <optional>

namespace ehall::analytics {

namespace {

std::string header_text(const CsvLayout& layout) {
    std::string text;
    for (std::string_view column : layout.columns)
        text.append(text.empty() ? "" : ",").append(column);
    for (std::string_view column : layout.optional_columns)
        text.append("[,").append(column).append("]");
    if (layout.optional_columns.size() > 1)
        text.append(" (the optional columns in any order)");
    return text;
}

// The header's layout, or none when it is not valid.
std::optional<CsvHeader> read_header(const CsvRecord& record, const CsvLayout& layout) {
    const auto& fields = record.fields;
    const std::size_t required = layout.columns.size();
    if (record.error || fields.size() < required)
        return std::nullopt;
    CsvHeader header{
        .columns = fields.size(),
        .optional_at = std::vector<std::size_t>(layout.optional_columns.size(), CsvHeader::absent)};
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i < required) {
            if (fields[i] != layout.columns[i])
                return std::nullopt;
            continue;
        }
        const auto& optional = layout.optional_columns;
        const auto it = std::find(optional.begin(), optional.end(), fields[i]);
        if (it == optional.end())
            return std::nullopt;
        std::size_t& at = header.optional_at[static_cast<std::size_t>(it - optional.begin())];
        if (at != CsvHeader::absent)
            return std::nullopt;  // twice
        at = i;
    }
    return header;
}

}  // namespace

ImportResult import_csv(CsvFile& file, const ImportDatabase& db, const CsvLayout& layout,
                        bool skip_bad, const HeaderSeen& on_header, const TransactionSteps& steps) {
    const auto started = std::chrono::steady_clock::now();
    CsvRecord record;
    const auto header = file.next(record) ? read_header(record, layout) : std::nullopt;
    if (!header)
        throw ImportError("line 1: the header must be " + header_text(layout));
    const std::size_t columns = header->columns;
    const RowImporter import_row = on_header(*header);

    ImportResult result;
    db.exec(db.begin);
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
