#include "gateway/http/exchange.hpp"

#include <boost/url/params_view.hpp>
#include <boost/url/parse_query.hpp>

namespace ehall {

std::string_view Exchange::path() const {
    std::string_view target(request.target().data(), request.target().size());
    return target.substr(0, target.find('?'));
}

std::string_view Exchange::query() const {
    std::string_view target(request.target().data(), request.target().size());
    auto mark = target.find('?');
    return mark == std::string_view::npos ? std::string_view{} : target.substr(mark + 1);
}

std::string Exchange::path_param(std::string_view name) const {
    auto it = path_params.find(name);
    return it == path_params.end() ? std::string{} : it->second;
}

std::string Exchange::query_param(std::string_view name) const {
    if (query().empty())
        return {};
    // A NUL-terminated copy: Boost.URL 1.81's parse_query measures its input with strlen
    // (boostorg/url#757), which would read past the end of the request target.
    const std::string text(query());
    auto encoded = boost::urls::parse_query(text);
    if (!encoded)
        return {};
    for (auto param : boost::urls::params_view(*encoded)) {
        if (param.key == name)
            return param.value;
    }
    return {};
}

std::string Exchange::header(http::field field) const {
    auto it = request.find(field);
    return it == request.end() ? std::string{} : std::string(it->value());
}

std::string Exchange::header(std::string_view name) const {
    auto it = request.find(boost::beast::string_view(name.data(), name.size()));
    return it == request.end() ? std::string{} : std::string(it->value());
}

HttpResponse make_response(http::status status, std::string_view content_type, std::string body) {
    HttpResponse response{status, 11};
    response.set(http::field::content_type,
                 boost::beast::string_view(content_type.data(), content_type.size()));
    response.set(http::field::cache_control, "no-store");
    response.set("X-Content-Type-Options", "nosniff");
    response.body() = std::move(body);
    return response;
}

HttpResponse json_response(http::status status, const nlohmann::json& body) {
    return make_response(status, "application/json",
                         body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace ehall
