// The one CSV cell writer (gateway/analytics/csv_cell.hpp): RFC 4180 quoting, and no cell a
// spreadsheet would run as a formula.
#include <boost/test/unit_test.hpp>

#include <sstream>

#include "gateway/analytics/csv_cell.hpp"
#include "gateway/analytics/report_table.hpp"

using namespace ehall::analytics;

namespace {

std::string cell(std::string_view value, CsvColumn column = CsvColumn::text) {
    std::string line = "x,";
    append_csv_cell(line, value, column);
    return line.substr(2);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(csv_cell)

BOOST_AUTO_TEST_CASE(plain_text_is_written_as_it_is) {
    BOOST_TEST(cell("") == "");
    BOOST_TEST(cell("web") == "web");
    BOOST_TEST(cell("张三 全球通") == "张三 全球通");  // UTF-8 untouched
    BOOST_TEST(cell("a=b+c-d@e") == "a=b+c-d@e");      // only a leading one is a formula
    BOOST_TEST(cell("'quoted'") == "'quoted'");
}

BOOST_AUTO_TEST_CASE(quotes_commas_and_line_breaks_are_quoted) {
    BOOST_TEST(cell("a,b") == "\"a,b\"");
    BOOST_TEST(cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    BOOST_TEST(cell("two\nlines") == "\"two\nlines\"");
    BOOST_TEST(cell("cr\rhere") == "\"cr\rhere\"");
    BOOST_TEST(cell("北京,上海") == "\"北京,上海\"");
}

BOOST_AUTO_TEST_CASE(every_formula_lead_is_neutralised) {
    BOOST_TEST(cell("=1+2") == "'=1+2");
    BOOST_TEST(cell("+1") == "'+1");
    BOOST_TEST(cell("-2+3") == "'-2+3");
    BOOST_TEST(cell("@SUM(A1)") == "'@SUM(A1)");
    BOOST_TEST(cell("\tfoo") == "'\tfoo");
    BOOST_TEST(cell("\rfoo") == "\"'\rfoo\"");
    BOOST_TEST(cell("=HYPERLINK(\"http://x\",\"y\")") ==
               "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    BOOST_TEST(cell("=cmd|' /C calc'!A0,x") == "\"'=cmd|' /C calc'!A0,x\"");
}

BOOST_AUTO_TEST_CASE(a_formula_behind_white_space_is_neutralised) {
    BOOST_TEST(cell("  =1+2") == "'  =1+2");
    BOOST_TEST(cell(" \t@x") == "' \t@x");
    BOOST_TEST(cell("\n-1") == "\"'\n-1\"");
    BOOST_TEST(cell("   ") == "   ");
}

BOOST_AUTO_TEST_CASE(numbers_stay_numbers_only_in_number_columns) {
    BOOST_TEST(cell("-5", CsvColumn::number) == "-5");
    BOOST_TEST(cell("0.4920", CsvColumn::number) == "0.4920");
    BOOST_TEST(cell("-0.2500", CsvColumn::number) == "-0.2500");
    BOOST_TEST(cell("1777565400000", CsvColumn::number) == "1777565400000");
    BOOST_TEST(cell("", CsvColumn::number) == "");
    BOOST_TEST(cell("-5") == "'-5");  // in a text column a leading minus is neutralised
    // Anything but a plain number in a number column is treated as text.
    BOOST_TEST(cell("-1+2", CsvColumn::number) == "'-1+2");
    BOOST_TEST(cell("+5", CsvColumn::number) == "'+5");
    BOOST_TEST(cell("=5", CsvColumn::number) == "'=5");
    BOOST_TEST(cell("-", CsvColumn::number) == "'-");
    BOOST_TEST(cell("1e5", CsvColumn::number) == "1e5");
    BOOST_TEST(cell("-.5", CsvColumn::number) == "'-.5");
    BOOST_TEST(cell("5.", CsvColumn::number) == "5.");
}

BOOST_AUTO_TEST_CASE(report_csv_neutralises_labels_and_keeps_figures) {
    ReportTable table{.title = "not in the CSV",
                      .columns = {"offer_id", "channel", "lift"},
                      .rows = {{"=1+2", "web", "-0.2500"}, {"@x", "all", "=3"}},
                      .label_columns = 2};
    std::ostringstream csv;
    write_csv(csv, table);
    BOOST_TEST(csv.str() == "offer_id,channel,lift\n'=1+2,web,-0.2500\n'@x,all,'=3\n");
}

BOOST_AUTO_TEST_SUITE_END()
