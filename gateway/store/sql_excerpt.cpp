#include "gateway/store/sql_excerpt.hpp"

namespace ehall {

std::string sql_excerpt(std::string_view sql) {
    const auto start = sql.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos)
        return {};
    sql.remove_prefix(start);
    if (sql.size() <= 80)
        return std::string(sql);
    std::size_t cut = 80;
    while (cut > 0 && (static_cast<unsigned char>(sql[cut]) & 0xC0) == 0x80)
        --cut;
    return std::string(sql.substr(0, cut)) + "...";
}

}  // namespace ehall
