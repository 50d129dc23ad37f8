// An SQLite VFS that passes everything to the default one and records, in order, every write
// and sync on a database file and its WAL: the order in which data reaches the disk, which
// decides whether a power cut can corrupt the file. While a recorder lives it is the default
// VFS, so connections opened meanwhile (also inside the code under test) go through it.
#pragma once

#include <sqlite3.h>

#include <mutex>
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

    std::vector<FileOp> ops() const;
    void record(FileOp op);
    sqlite3_vfs* real_vfs() const { return real_; }

  private:
    sqlite3_vfs* real_;
    sqlite3_vfs vfs_{};
    mutable std::mutex mutex_;
    std::vector<FileOp> ops_;
};

}  // namespace ehall::testing
