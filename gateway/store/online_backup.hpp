// A consistent copy of a live SQLite database through SQLite's online backup API: the
// gateway keeps serving (WAL readers do not block its writers) and the copy is checked
// with `PRAGMA integrity_check` before it is reported good.
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>

namespace ehall {

struct BackupError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct BackupResult {
    std::int64_t pages = 0;
    std::int64_t bytes = 0;
};

// Copies `source` to `target`, which must not exist yet. Throws BackupError; on failure
// no partial `target` is left behind.
BackupResult backup_database(const std::filesystem::path& source,
                             const std::filesystem::path& target);

}  // namespace ehall
