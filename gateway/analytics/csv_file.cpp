#include "gateway/analytics/csv_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>

namespace ehall::analytics {

namespace {

// Parsed pages are given back to the kernel as the reader moves on, so that a big file does
// not stay resident (a page read again would only be faulted in from the file again).
constexpr std::size_t kReleaseBytes = std::size_t{64} << 20;

}  // namespace

CsvFile::CsvFile(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat info {};
    if (fd < 0 || ::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        const std::string reason = std::strerror(errno);
        if (fd >= 0)
            ::close(fd);
        throw std::runtime_error("cannot read " + path.string() + ": " +
                                 (fd >= 0 ? "not a regular file" : reason));
    }
    size_ = static_cast<std::size_t>(info.st_size);
    if (size_ > 0) {
        void* map = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
        if (map == MAP_FAILED) {
            ::close(fd);
            throw std::runtime_error("cannot map " + path.string() + ": " + std::strerror(errno));
        }
        ::madvise(map, size_, MADV_SEQUENTIAL);
        data_ = static_cast<const char*>(map);
    }
    ::close(fd);
    if (size_ >= 3 && std::memcmp(data_, "\xEF\xBB\xBF", 3) == 0)
        at_ = 3;  // a UTF-8 byte order mark, as spreadsheet exports write
}

CsvFile::~CsvFile() {
    if (data_)
        ::munmap(const_cast<char*>(data_), size_);
}

bool CsvFile::next(CsvRecord& record) {
    if (at_ >= size_)
        return false;
    const char* start = data_ + at_;
    const void* newline = std::memchr(start, '\n', size_ - at_);
    std::size_t length =
        newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - start) : size_ - at_;
    at_ += length + (newline ? 1 : 0);
    if (at_ - released_ >= 2 * kReleaseBytes)
        release_pages_before(at_ - kReleaseBytes);
    if (length > 0 && start[length - 1] == '\r')
        --length;
    record.line = ++line_;
    split({start, length}, record);
    return true;
}

void CsvFile::release_pages_before(std::size_t offset) {
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t end = offset / page * page;
    ::madvise(const_cast<char*>(data_) + released_, end - released_, MADV_DONTNEED);
    released_ = end;
}

void CsvFile::split(std::string_view line, CsvRecord& record) {
    record.fields.clear();
    record.error = nullptr;
    unescaped_.clear();
    std::size_t i = 0;
    for (;;) {
        if (i < line.size() && line[i] == '"') {
            std::string* owned = nullptr;
            std::size_t begin = ++i;
            for (;;) {
                const std::size_t quote = line.find('"', i);
                if (quote == std::string_view::npos) {
                    record.error = "a quoted field is not closed on its line";
                    return;
                }
                if (quote + 1 < line.size() && line[quote + 1] == '"') {  // "" is one quote
                    if (!owned)
                        owned = &unescaped_.emplace_back();
                    owned->append(line.substr(begin, quote + 1 - begin));
                    begin = i = quote + 2;
                    continue;
                }
                if (owned) {
                    owned->append(line.substr(begin, quote - begin));
                    record.fields.emplace_back(*owned);
                } else {
                    record.fields.push_back(line.substr(begin, quote - begin));
                }
                i = quote + 1;
                break;
            }
            if (i < line.size() && line[i] != ',') {
                record.error = "text after a closing quote";
                return;
            }
        } else {
            const std::size_t comma = line.find(',', i);
            const std::size_t end = comma == std::string_view::npos ? line.size() : comma;
            const std::string_view field = line.substr(i, end - i);
            if (field.find('"') != std::string_view::npos) {
                record.error = "a quote inside an unquoted field";
                return;
            }
            record.fields.push_back(field);
            i = end;
        }
        if (i >= line.size())
            return;
        ++i;  // past the comma
        if (i == line.size()) {
            record.fields.emplace_back();
            return;
        }
    }
}

}  // namespace ehall::analytics
