// The physical limit of durable writes: one-row SQLite transactions per second in WAL mode
// with synchronous=FULL, one writer, on this disk. scripts/bench reports the gateway's
// durable payments per second as a ratio of it.
//   sqlite_commit_limit DIR SECONDS
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <cstdlib>

namespace {

void check(int rc, sqlite3* db, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        std::fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db));
        std::exit(1);
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: sqlite_commit_limit DIR SECONDS\n");
        return 2;
    }
    const auto path = std::filesystem::path(argv[1]) / "commit_limit.db";
    std::filesystem::remove(path);
    const auto seconds = std::chrono::seconds(std::stoi(argv[2]));
    sqlite3* db = nullptr;
    check(sqlite3_open(path.c_str(), &db), db, "open");
    check(sqlite3_exec(db,
                       "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                       "CREATE TABLE payments (id INTEGER PRIMARY KEY, key TEXT UNIQUE, "
                       "amount_fen INTEGER NOT NULL)",
                       nullptr, nullptr, nullptr),
          db, "schema");
    sqlite3_stmt *begin = nullptr, *insert = nullptr, *commit = nullptr;
    check(sqlite3_prepare_v2(db, "BEGIN IMMEDIATE", -1, &begin, nullptr), db, "prepare");
    check(sqlite3_prepare_v2(db, "INSERT INTO payments (key, amount_fen) VALUES (?, 1)", -1,
                             &insert, nullptr),
          db, "prepare");
    check(sqlite3_prepare_v2(db, "COMMIT", -1, &commit, nullptr), db, "prepare");

    long long count = 0;
    const auto start = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() - start < seconds) {
        char key[32];
        std::snprintf(key, sizeof key, "k%lld", count);
        check(sqlite3_step(begin), db, "begin");
        sqlite3_reset(begin);
        sqlite3_bind_text(insert, 1, key, -1, SQLITE_TRANSIENT);
        check(sqlite3_step(insert), db, "insert");
        sqlite3_reset(insert);
        check(sqlite3_step(commit), db, "commit");
        sqlite3_reset(commit);
        ++count;
    }
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%.0f\n", static_cast<double>(count) / elapsed);
    sqlite3_finalize(begin);
    sqlite3_finalize(insert);
    sqlite3_finalize(commit);
    sqlite3_close(db);
    std::filesystem::remove(path);
    return 0;
}
