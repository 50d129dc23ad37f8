// GET /static/{file}: the shared stylesheet and images of the pages, read once at start-up
// from templates/static. Only the files found there are served, by exact name, so no
// request path can reach another file.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "gateway/http/router.hpp"

namespace ehall {

class StaticFiles {
  public:
    explicit StaticFiles(const std::filesystem::path& dir);
    void add_routes(Router& router);

  private:
    struct File {
        std::string content_type;
        std::string body;
    };
    std::map<std::string, File, std::less<>> files_;
};

}  // namespace ehall
