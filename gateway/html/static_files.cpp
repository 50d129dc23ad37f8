#include "gateway/html/static_files.hpp"

#include <fstream>
#include <sstream>

namespace ehall {

namespace {

std::string content_type_of(const std::filesystem::path& file) {
    const auto extension = file.extension().string();
    if (extension == ".css")
        return "text/css; charset=utf-8";
    if (extension == ".js")
        return "text/javascript; charset=utf-8";
    if (extension == ".svg")
        return "image/svg+xml";
    if (extension == ".png")
        return "image/png";
    return "application/octet-stream";
}

}  // namespace

StaticFiles::StaticFiles(const std::filesystem::path& dir) {
    if (!std::filesystem::is_directory(dir))
        return;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (!entry.is_regular_file())
            continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream body;
        body << in.rdbuf();
        files_[entry.path().filename().string()] = {content_type_of(entry.path()), body.str()};
    }
}

void StaticFiles::add_routes(Router& router) {
    router.add(http::verb::get, "/static/{file}", [this](const Exchange& exchange, Reply reply) {
        auto it = files_.find(exchange.path_param("file"));
        if (it == files_.end()) {
            reply(
                make_response(http::status::not_found, "text/plain; charset=utf-8", "not found\n"));
            return;
        }
        auto response = make_response(http::status::ok, it->second.content_type, it->second.body);
        response.set(http::field::cache_control, "public, max-age=300");
        response.set("X-Content-Type-Options", "nosniff");
        reply(std::move(response));
    });
}

}  // namespace ehall
