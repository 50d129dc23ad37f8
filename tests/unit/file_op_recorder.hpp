// An SQLite VFS that passes everything to the default one and records, in order, every write
// and sync on a database file and its WAL: the order in which data reaches the disk, which
// decides whether a power cut can corrupt the file. While a recorder lives it is the default
// VFS, so connections opened meanwhile (also inside the code under test) go through it.
// Each database is recorded apart: a process may write several at once.
#pragma once

#include <sqlite3.h>

#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

namespace ehall::testing {

struct FileOp {
    enum class File { database, wal } file;
    enum class Kind { write, sync } kind;
};

class FileOpRecorder {
  public:
    FileOpRecorder();
    ~FileOpRecorder();
    FileOpRecorder(const FileOpRecorder&) = delete;
    FileOpRecorder& operator=(const FileOpRecorder&) = delete;

    // What was done to the database at `path` and its WAL, in order.
    std::vector<FileOp> ops(const std::filesystem::path& path) const;
    // The number ops() knows the database of a file named `name` (its own or its WAL's) by.
    std::size_t database_of(const char* name);
    void record(std::size_t database, FileOp op);
    sqlite3_vfs* real_vfs() const { return real_; }

  private:
    sqlite3_vfs* real_;
    sqlite3_vfs vfs_{};
    mutable std::mutex mutex_;
    std::vector<std::string> databases_;
    std::vector<std::pair<std::size_t, FileOp>> ops_;
};

}  // namespace ehall::testing
