// Fields of PostgreSQL's COPY text format (tab-separated, one row per line, \N for NULL),
// for the writers that bulk-load the journal.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ehall {

// Appends `text` escaped (backslash, tab, newline, carriage return) with every byte that is
// not part of valid UTF-8, and NUL, replaced by U+FFFD: the server refuses the whole COPY for
// one such byte, and a record must not block its batch forever.
void append_copy_text(std::string& row, std::string_view text);
// Empty text is written as NULL, as the journal stores it.
void append_copy_text_or_null(std::string& row, std::string_view text);
void append_copy_integer(std::string& row, std::int64_t value);
void append_copy_null(std::string& row);

}  // namespace ehall
