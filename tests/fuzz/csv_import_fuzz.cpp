// `ehall import` on arbitrary files: the CSV line parser (gateway/analytics/csv_file, through
// its memory map, as the importer reads) and the importer's field checks (event times,
// numbers). Checks: records are numbered by line; every well-formed record survives being
// written back as CSV and read again; an event time that parses is the same instant when
// written back in UTC.
#include <sys/mman.h>
#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "gateway/analytics/csv_file.hpp"
#include "gateway/analytics/event_time.hpp"
#include "gateway/analytics/field_checks.hpp"
#include "tests/fuzz/fuzz_check.hpp"

using namespace ehall::analytics;

namespace {

// One memory file per process, rewritten for each input.
class MemoryFile {
  public:
    MemoryFile() : fd_(memfd_create("csv_import_fuzz", 0)) { FUZZ_CHECK(fd_ >= 0); }
    ~MemoryFile() { ::close(fd_); }

    std::string write(std::string_view data) {
        FUZZ_CHECK(ftruncate(fd_, 0) == 0);
        FUZZ_CHECK(pwrite(fd_, data.data(), data.size(), 0) == static_cast<ssize_t>(data.size()));
        return "/proc/self/fd/" + std::to_string(fd_);
    }

  private:
    int fd_;
};

using Records = std::vector<std::vector<std::string>>;

// The well-formed records of `csv`, and how many lines it has.
Records read_records(MemoryFile& file, std::string_view csv, std::size_t& lines) {
    CsvFile reader(file.write(csv));
    Records records;
    CsvRecord record;
    lines = 0;
    while (reader.next(record)) {
        FUZZ_CHECK(record.line == ++lines);
        if (!record.error)
            records.emplace_back(record.fields.begin(), record.fields.end());
    }
    return records;
}

// "2026-04-03T02:15:00.123Z"
std::string iso_utc(std::int64_t ms) {
    using namespace std::chrono;
    const sys_time<milliseconds> time{milliseconds(ms)};
    const auto day = floor<days>(time);
    const year_month_day date{day};
    const hh_mm_ss clock{time - day};
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02ld:%02ld:%02ld.%03ldZ", int(date.year()),
                  unsigned(date.month()), unsigned(date.day()), long(clock.hours().count()),
                  long(clock.minutes().count()), long(clock.seconds().count()),
                  long(clock.subseconds().count()));
    return text;
}

std::string as_csv(const Records& records) {
    std::string csv;
    for (const auto& fields : records) {
        for (std::size_t i = 0; i < fields.size(); ++i) {
            const std::string& field = fields[i];
            if (i > 0)
                csv.push_back(',');
            // Quoted when needed, and when it starts with what would read as a byte order mark.
            if (field.find_first_of(",\"\r") == std::string::npos &&
                !field.starts_with("\xEF\xBB\xBF")) {
                csv.append(field);
                continue;
            }
            csv.push_back('"');
            for (char c : field)
                csv.append(c == '"' ? "\"\"" : std::string(1, c));
            csv.push_back('"');
        }
        csv.push_back('\n');
    }
    return csv;
}

// Every field through the event importer's checks; a time that parses comes out the same when
// written back in UTC.
void check_fields(const Records& records) {
    for (const auto& fields : records) {
        for (const std::string& field : fields) {
            check_msisdn(field);
            is_calendar_date(field);
            const auto ts_ms = parse_event_time(field);
            // ISO-8601 only, and instants whose UTC date has four digits from 1970 on.
            constexpr std::int64_t year_10000_ms = 253'402'300'800'000;
            if (!ts_ms || field.size() < 20 || *ts_ms < 0 || *ts_ms >= year_10000_ms)
                continue;
            const auto again = parse_event_time(iso_utc(*ts_ms));
            FUZZ_CHECK(again && *again == *ts_ms);
        }
    }
}

void check_round_trip(MemoryFile& file, std::string_view input) {
    std::size_t lines = 0;
    const Records records = read_records(file, input, lines);
    check_fields(records);
    // A record of one empty field is an empty line, which writes back as nothing.
    Records expected;
    for (const auto& fields : records) {
        if (!(fields.size() == 1 && fields[0].empty()))
            expected.push_back(fields);
    }
    std::size_t ignored = 0;
    Records again = read_records(file, as_csv(expected), ignored);
    std::erase_if(again,
                  [](const auto& fields) { return fields.size() == 1 && fields[0].empty(); });
    FUZZ_CHECK(again == expected);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static MemoryFile file;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    check_round_trip(file, input);
    return 0;
}
