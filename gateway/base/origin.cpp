#include "gateway/base/origin.hpp"

#include <algorithm>

namespace ehall {

namespace {

bool is_digits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_host_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

// A DNS name or IPv4 address, or an IPv6 address in brackets.
bool is_host(std::string_view host) {
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
        return std::all_of(host.begin(), host.end(), [](char c) {
            return (c >= 'a' && c <= 'f') || (c >= '0' && c <= '9') || c == ':' || c == '.';
        });
    }
    return !host.empty() && std::all_of(host.begin(), host.end(), is_host_char);
}

}  // namespace

std::optional<std::string> normalised_origin(std::string_view text) {
    std::string origin(text);
    std::transform(origin.begin(), origin.end(), origin.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    });
    std::string_view default_port;
    std::size_t authority_at = 0;
    if (origin.starts_with("http://")) {
        default_port = "80";
        authority_at = 7;
    } else if (origin.starts_with("https://")) {
        default_port = "443";
        authority_at = 8;
    } else {
        return std::nullopt;
    }
    std::string_view authority = std::string_view(origin).substr(authority_at);
    std::string_view host = authority;
    std::string_view port;
    const auto colon = authority.rfind(':');
    if (colon != std::string_view::npos && authority.find(']', colon) == std::string_view::npos) {
        host = authority.substr(0, colon);
        port = authority.substr(colon + 1);
        if (!is_digits(port) || port.size() > 5)
            return std::nullopt;
    }
    if (!is_host(host))
        return std::nullopt;
    if (port == default_port)
        origin.resize(authority_at + host.size());
    return origin;
}

}  // namespace ehall
