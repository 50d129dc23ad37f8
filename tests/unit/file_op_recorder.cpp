#include "file_op_recorder.hpp"

#include <stdexcept>

namespace ehall::testing {

namespace {

// A file of the recording VFS: its own methods, then the default VFS's file.
struct RecordedFile {
    sqlite3_file base;
    FileOpRecorder* recorder;
    bool recorded;  // a main database or a WAL
    FileOp::File kind;
    sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};

RecordedFile* recorded(sqlite3_file* file) {
    return reinterpret_cast<RecordedFile*>(file);
}

FileOpRecorder* recorder_of(sqlite3_vfs* vfs) {
    return static_cast<FileOpRecorder*>(vfs->pAppData);
}

int close(sqlite3_file* f) {
    return recorded(f)->real()->pMethods->xClose(recorded(f)->real());
}
int read(sqlite3_file* f, void* out, int n, sqlite3_int64 at) {
    return recorded(f)->real()->pMethods->xRead(recorded(f)->real(), out, n, at);
}
int write(sqlite3_file* f, const void* data, int n, sqlite3_int64 at) {
    RecordedFile* file = recorded(f);
    if (file->recorded)
        file->recorder->record({file->kind, FileOp::Kind::write});
    return file->real()->pMethods->xWrite(file->real(), data, n, at);
}
int truncate(sqlite3_file* f, sqlite3_int64 size) {
    return recorded(f)->real()->pMethods->xTruncate(recorded(f)->real(), size);
}
int sync(sqlite3_file* f, int flags) {
    RecordedFile* file = recorded(f);
    if (file->recorded)
        file->recorder->record({file->kind, FileOp::Kind::sync});
    return file->real()->pMethods->xSync(file->real(), flags);
}
int file_size(sqlite3_file* f, sqlite3_int64* size) {
    return recorded(f)->real()->pMethods->xFileSize(recorded(f)->real(), size);
}
int lock(sqlite3_file* f, int level) {
    return recorded(f)->real()->pMethods->xLock(recorded(f)->real(), level);
}
int unlock(sqlite3_file* f, int level) {
    return recorded(f)->real()->pMethods->xUnlock(recorded(f)->real(), level);
}
int check_reserved_lock(sqlite3_file* f, int* out) {
    return recorded(f)->real()->pMethods->xCheckReservedLock(recorded(f)->real(), out);
}
int file_control(sqlite3_file* f, int op, void* arg) {
    return recorded(f)->real()->pMethods->xFileControl(recorded(f)->real(), op, arg);
}
int sector_size(sqlite3_file* f) {
    return recorded(f)->real()->pMethods->xSectorSize(recorded(f)->real());
}
int device_characteristics(sqlite3_file* f) {
    return recorded(f)->real()->pMethods->xDeviceCharacteristics(recorded(f)->real());
}
int shm_map(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
    return recorded(f)->real()->pMethods->xShmMap(recorded(f)->real(), region, size, extend, out);
}
int shm_lock(sqlite3_file* f, int offset, int n, int flags) {
    return recorded(f)->real()->pMethods->xShmLock(recorded(f)->real(), offset, n, flags);
}
void shm_barrier(sqlite3_file* f) {
    recorded(f)->real()->pMethods->xShmBarrier(recorded(f)->real());
}
int shm_unmap(sqlite3_file* f, int delete_flag) {
    return recorded(f)->real()->pMethods->xShmUnmap(recorded(f)->real(), delete_flag);
}
int fetch(sqlite3_file* f, sqlite3_int64 at, int n, void** out) {
    return recorded(f)->real()->pMethods->xFetch(recorded(f)->real(), at, n, out);
}
int unfetch(sqlite3_file* f, sqlite3_int64 at, void* page) {
    return recorded(f)->real()->pMethods->xUnfetch(recorded(f)->real(), at, page);
}

const sqlite3_io_methods kMethods = {
    3,
    close,
    read,
    write,
    truncate,
    sync,
    file_size,
    lock,
    unlock,
    check_reserved_lock,
    file_control,
    sector_size,
    device_characteristics,
    shm_map,
    shm_lock,
    shm_barrier,
    shm_unmap,
    fetch,
    unfetch,
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
    file->recorded = (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL)) != 0;
    file->kind = (flags & SQLITE_OPEN_WAL) ? FileOp::File::wal : FileOp::File::database;
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

std::vector<FileOp> FileOpRecorder::ops() const {
    std::lock_guard lock(mutex_);
    return ops_;
}

void FileOpRecorder::record(FileOp op) {
    std::lock_guard lock(mutex_);
    ops_.push_back(op);
}

}  // namespace ehall::testing
