// Reads a CSV file (RFC 4180: comma separated, optional "quoted" fields with "" escapes,
// LF or CRLF line ends, one record per line) through a memory map, without copying lines.
#pragma once

#include <cstddef>
#include <deque>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ehall::analytics {

struct CsvRecord {
    std::size_t line = 0;                  // 1-based line number in the file
    std::vector<std::string_view> fields;  // valid until the next call to next()
    const char* error = nullptr;           // set when the line is not well-formed CSV
};

class CsvFile {
  public:
    // Throws std::runtime_error naming the file when it cannot be read.
    explicit CsvFile(const std::filesystem::path& path);
    ~CsvFile();
    CsvFile(const CsvFile&) = delete;
    CsvFile& operator=(const CsvFile&) = delete;

    // Reads the next line into `record`; false at the end of the file.
    bool next(CsvRecord& record);

  private:
    void split(std::string_view line, CsvRecord& record);
    void release_pages_before(std::size_t offset);

    const char* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t at_ = 0;
    std::size_t released_ = 0;  // pages before this offset were handed back
    std::size_t line_ = 0;
    std::deque<std::string> unescaped_;  // fields that held "" escapes (stable addresses)
};

}  // namespace ehall::analytics
