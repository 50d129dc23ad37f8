#include "file_op_recorder.hpp"

#include <algorithm>
#include <stdexcept>

namespace ehall::testing {

namespace {

// A file of the recording VFS: its own methods, then the default VFS's file.
struct RecordedFile {
    sqlite3_file base;
    FileOpRecorder* recorder;
    bool records;  // a main database or a WAL
    FileOp::File kind;
    std::size_t database;
    sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};

RecordedFile* recorded(sqlite3_file* file) {
    return reinterpret_cast<RecordedFile*>(file);
}

FileOpRecorder* recorder_of(sqlite3_vfs* vfs) {
    return static_cast<FileOpRecorder*>(vfs->pAppData);
}

// The io method `Method` of the default VFS's file, called with the same arguments; `op`, when
// given, is recorded first.
template <auto Method>
struct Forward;
template <typename R, typename... Args, R (*sqlite3_io_methods::*Method)(sqlite3_file*, Args...)>
struct Forward<Method> {
    static R call(sqlite3_file* f, Args... args) {
        sqlite3_file* real = recorded(f)->real();
        return (real->pMethods->*Method)(real, args...);
    }
    template <FileOp::Kind op>
    static R record(sqlite3_file* f, Args... args) {
        if (RecordedFile* file = recorded(f); file->records)
            file->recorder->record(file->database, {file->kind, op});
        return call(f, args...);
    }
};

const sqlite3_io_methods kMethods = {
    3,
    Forward<&sqlite3_io_methods::xClose>::call,
    Forward<&sqlite3_io_methods::xRead>::call,
    Forward<&sqlite3_io_methods::xWrite>::record<FileOp::Kind::write>,
    Forward<&sqlite3_io_methods::xTruncate>::call,
    Forward<&sqlite3_io_methods::xSync>::record<FileOp::Kind::sync>,
    Forward<&sqlite3_io_methods::xFileSize>::call,
    Forward<&sqlite3_io_methods::xLock>::call,
    Forward<&sqlite3_io_methods::xUnlock>::call,
    Forward<&sqlite3_io_methods::xCheckReservedLock>::call,
    Forward<&sqlite3_io_methods::xFileControl>::call,
    Forward<&sqlite3_io_methods::xSectorSize>::call,
    Forward<&sqlite3_io_methods::xDeviceCharacteristics>::call,
    Forward<&sqlite3_io_methods::xShmMap>::call,
    Forward<&sqlite3_io_methods::xShmLock>::call,
    Forward<&sqlite3_io_methods::xShmBarrier>::call,
    Forward<&sqlite3_io_methods::xShmUnmap>::call,
    Forward<&sqlite3_io_methods::xFetch>::call,
    Forward<&sqlite3_io_methods::xUnfetch>::call,
};

int open(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* f, int flags, int* out_flags) {
    RecordedFile* file = recorded(f);
    file->base.pMethods = nullptr;
    file->recorder = recorder_of(vfs);
    sqlite3_vfs* real = file->recorder->real_vfs();
    const int rc = real->xOpen(real, name, file->real(), flags, out_flags);
    if (rc != SQLITE_OK)
        return rc;
    file->base.pMethods = &kMethods;
    file->records = (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL)) != 0;
    file->kind = (flags & SQLITE_OPEN_WAL) ? FileOp::File::wal : FileOp::File::database;
    if (file->records)
        file->database = file->recorder->database_of(name);
    return rc;
}

}  // namespace

FileOpRecorder::FileOpRecorder() : real_(sqlite3_vfs_find(nullptr)) {
    if (!real_)
        throw std::runtime_error("no default SQLite VFS");
    vfs_ = *real_;
    vfs_.zName = "ehall_file_op_recorder";
    vfs_.pAppData = this;
    vfs_.szOsFile = static_cast<int>(sizeof(RecordedFile)) + real_->szOsFile;
    vfs_.xOpen = open;
    sqlite3_vfs_register(&vfs_, 1);
}

FileOpRecorder::~FileOpRecorder() {
    sqlite3_vfs_unregister(&vfs_);
    sqlite3_vfs_register(real_, 1);
}

std::vector<FileOp> FileOpRecorder::ops(const std::filesystem::path& path) const {
    const std::string wanted = std::filesystem::weakly_canonical(path).string();
    std::lock_guard lock(mutex_);
    std::vector<FileOp> ops;
    for (const auto& [database, op] : ops_) {
        if (databases_[database] == wanted)
            ops.push_back(op);
    }
    return ops;
}

std::size_t FileOpRecorder::database_of(const char* name) {
    std::string path = std::filesystem::weakly_canonical(name).string();
    if (path.ends_with("-wal"))
        path.resize(path.size() - 4);
    std::lock_guard lock(mutex_);
    const auto known = std::find(databases_.begin(), databases_.end(), path);
    if (known != databases_.end())
        return static_cast<std::size_t>(known - databases_.begin());
    databases_.push_back(path);
    return databases_.size() - 1;
}

void FileOpRecorder::record(std::size_t database, FileOp op) {
    std::lock_guard lock(mutex_);
    ops_.emplace_back(database, op);
}

}  // namespace ehall::testing
