#include "gateway/http/credentials.hpp"

namespace ehall {

namespace {
std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}
}  // namespace

std::string bearer_token(const Exchange& exchange) {
    std::string header = exchange.header(http::field::authorization);
    std::string_view value = trim(header);
    constexpr std::string_view scheme = "Bearer ";
    if (value.size() <= scheme.size())
        return {};
    for (std::size_t i = 0; i < scheme.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(value[i])) !=
            std::tolower(static_cast<unsigned char>(scheme[i]))) {
            return {};
        }
    }
    return std::string(trim(value.substr(scheme.size())));
}

std::string cookie_value(const Exchange& exchange, std::string_view name) {
    std::string header = exchange.header(http::field::cookie);
    std::string_view rest = header;
    while (!rest.empty()) {
        auto semicolon = rest.find(';');
        std::string_view pair = trim(rest.substr(0, semicolon));
        auto eq = pair.find('=');
        if (eq != std::string_view::npos && trim(pair.substr(0, eq)) == name) {
            return std::string(trim(pair.substr(eq + 1)));
        }
        if (semicolon == std::string_view::npos)
            break;
        rest.remove_prefix(semicolon + 1);
    }
    return {};
}

}  // namespace ehall
