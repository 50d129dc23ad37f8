// CsvFile: RFC 4180 fields, CRLF, a byte-order mark, and malformed lines reported per line.
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

#include "gateway/analytics/csv_file.hpp"

using namespace ehall::analytics;

namespace {

std::vector<CsvRecord> read_all(const std::string& text,
                                std::vector<std::vector<std::string>>& fields) {
    const auto path = std::filesystem::temp_directory_path() /
                      ("ehall-csv-" + std::to_string(::getpid()) + ".csv");
    std::ofstream(path, std::ios::binary) << text;
    std::vector<CsvRecord> records;
    {
        CsvFile file(path);
        CsvRecord record;
        while (file.next(record)) {
            fields.emplace_back(record.fields.begin(), record.fields.end());
            records.push_back(record);
        }
    }
    std::filesystem::remove(path);
    return records;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(analytics_csv)

BOOST_AUTO_TEST_CASE(quoted_fields_crlf_and_bom) {
    std::vector<std::vector<std::string>> fields;
    const auto records = read_all(
        "\xEF\xBB\xBFmsisdn,name\r\n13800000001,\"Wang, \"\"Wu\"\"\"\r\n1,\r\n,\"\"\n", fields);
    BOOST_REQUIRE_EQUAL(records.size(), 4u);
    BOOST_TEST(fields[0] == (std::vector<std::string>{"msisdn", "name"}));
    BOOST_TEST(fields[1] == (std::vector<std::string>{"13800000001", "Wang, \"Wu\""}));
    BOOST_TEST(fields[2] == (std::vector<std::string>{"1", ""}));
    BOOST_TEST(fields[3] == (std::vector<std::string>{"", ""}));
    BOOST_TEST(records[3].line == 4u);
}

BOOST_AUTO_TEST_CASE(malformed_lines_name_the_problem) {
    std::vector<std::vector<std::string>> fields;
    const auto records = read_all("a,\"open\nb,x\"y\n\"q\"z,1\nok,1", fields);
    BOOST_REQUIRE_EQUAL(records.size(), 4u);
    BOOST_TEST(records[0].error == std::string("a quoted field is not closed on its line"));
    BOOST_TEST(records[1].error == std::string("a quote inside an unquoted field"));
    BOOST_TEST(records[2].error == std::string("text after a closing quote"));
    BOOST_TEST(records[3].error == nullptr);
    BOOST_TEST(fields[3] == (std::vector<std::string>{"ok", "1"}));
}

BOOST_AUTO_TEST_SUITE_END()
