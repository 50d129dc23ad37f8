#include "gateway/store/database_url.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>

namespace ehall {

std::string without_password(std::string_view url) {
    auto parsed = boost::urls::parse_uri(url);
    if (!parsed)
        return "(url)";
    boost::urls::url shown(*parsed);
    if (shown.has_password())
        shown.set_password("***");
    if (shown.params().contains("password")) {  // libpq reads it from the query too
        shown.params().erase("password");
        shown.params().append({"password", "***"});
    }
    return std::string(shown.buffer());
}

}  // namespace ehall
