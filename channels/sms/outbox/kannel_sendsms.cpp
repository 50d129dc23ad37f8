#include "channels/sms/outbox/kannel_sendsms.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>

#include "channels/sms/sms_length.hpp"

namespace ehall::sms {

namespace beast = boost::beast;
namespace asio = boost::asio;

std::string url_encode(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size() * 3);
    for (unsigned char c : text) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

KannelSendsms::KannelSendsms(const Config::Sms& sms, std::chrono::milliseconds timeout)
    : sms_(sms), timeout_(timeout) {
    auto url = boost::urls::parse_uri(sms.sendsms_url);
    if (!url || url->scheme() != "http" || url->host().empty()) {
        throw ConfigError(
            std::string("sms.sendsms_url: expected http://host:port/cgi-bin/sendsms, got '")
                .append(sms.sendsms_url)
                .append("'"));
    }
    if (sms.sendsms_user.empty())
        throw ConfigError("sms.sendsms_user: required when sms.sendsms_url is set");
    host_ = url->host();
    port_ = url->has_port() ? std::string(url->port()) : "80";
    path_ = url->encoded_path().empty() ? "/" : std::string(url->encoded_path());
    if (url->has_query())
        path_.append("?").append(url->encoded_query());
}

std::string KannelSendsms::dlr_url(const OutboxMessage& message) const {
    if (sms_.dlr_url.empty())
        return {};
    std::string url = sms_.dlr_url;
    url.append(url.find('?') == std::string::npos ? "?" : "&");
    url.append("id=").append(std::to_string(message.id)).append("&status=%d");
    return url;
}

std::string KannelSendsms::request_target(const OutboxMessage& message) const {
    std::string target = path_;
    target.append(path_.find('?') == std::string::npos ? "?" : "&");
    target.append("username=").append(url_encode(sms_.sendsms_user));
    target.append("&password=").append(url_encode(sms_.sendsms_password));
    target.append("&from=").append(url_encode(sms_.service_number));
    target.append("&to=").append(url_encode(message.msisdn));
    target.append("&text=").append(url_encode(message.text));
    target.append("&charset=UTF-8&coding=").append(is_gsm7(message.text) ? "0" : "2");
    if (auto dlr = dlr_url(message); !dlr.empty())
        target.append("&dlr-mask=31&dlr-url=").append(url_encode(dlr));
    return target;
}

KannelSendsms::Answer KannelSendsms::send(const OutboxMessage& message) const {
    try {
        asio::io_context io;
        asio::ip::tcp::resolver resolver(io);
        beast::tcp_stream stream(io);
        stream.expires_after(timeout_);
        beast::error_code ec;
        auto endpoints = resolver.resolve(host_, port_, ec);
        if (!ec)
            stream.connect(endpoints, ec);
        if (ec)
            return {false, std::string("cannot reach Kannel at ")
                               .append(host_)
                               .append(":")
                               .append(port_)
                               .append(": ")
                               .append(ec.message())};

        beast::http::request<beast::http::empty_body> request{beast::http::verb::get,
                                                              request_target(message), 11};
        request.set(beast::http::field::host, std::string(host_).append(":").append(port_));
        request.set(beast::http::field::user_agent, "ehall-sms-outbox");
        request.set(beast::http::field::connection, "close");
        beast::http::write(stream, request, ec);
        beast::flat_buffer buffer;
        beast::http::response_parser<beast::http::string_body> parser;
        parser.body_limit(64 * 1024);
        if (!ec)
            beast::http::read(stream, buffer, parser, ec);
        if (ec)
            return {false, std::string("no answer from Kannel: ").append(ec.message())};
        stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ec);

        const auto& response = parser.get();
        std::string body = response.body();
        while (!body.empty() && (body.back() == '\n' || body.back() == '\r' || body.back() == ' '))
            body.pop_back();
        const unsigned status = response.result_int();
        if (status >= 200 && status < 300)
            return {true, body};
        return {false, std::string("Kannel answered ")
                           .append(std::to_string(status))
                           .append(": ")
                           .append(body)};
    } catch (const std::exception& e) {
        return {false, std::string("sendsms failed: ") + e.what()};
    }
}

}  // namespace ehall::sms
