// The journal's own figures for scripts/bench: records written per second and the flush lag
// (age of the oldest queued record) while producer threads append gateway-like records at a
// fixed rate, through the real Journal (gateway/journal/) into a fresh journal.db.
//   journal_throughput DIR|URL SECONDS RATE_PER_SECOND [PRODUCERS [sequential|random]]
// Prints "written_per_second max_lag_ms dropped written_per_cpu_second max_summary_lag_ms
// catch_up_seconds": written_per_cpu_second divides by the process's CPU time (writer,
// producers and summary passes), a figure a busy machine distorts less; max_summary_lag_ms is
// the worst age of the summary file (Journal::Stats::summary_lag_seconds) during the run, and
// catch_up_seconds how long stopping took: the last records and the summary's last pass.
// A RATE of 0 appends as fast as it can, so written_per_second is the writer's ceiling (the
// lag then only says that the queue filled).
// The records come from 1M customers: `sequential` (the default) takes them in number order,
// so consecutive records land next to each other in the summary's per-customer tables;
// `random` scatters them as real traffic does, so a pass's entries spread over those tables.
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>

#include "gateway/journal/journal.hpp"

namespace {

using Clock = std::chrono::steady_clock;

ehall::InteractionRecord sample_record(std::uint64_t n, bool random_customers) {
    constexpr std::uint64_t kCustomers = 1'000'000;
    // Multiplying by an odd constant coprime to kCustomers visits every customer once per
    // kCustomers records, in a scattered order.
    const std::uint64_t customer = (random_customers ? n * 2'654'435'761u : n) % kCustomers;
    ehall::InteractionRecord r;
    r.ts_ms = 1'790'000'000'000 + static_cast<std::int64_t>(n);
    r.channel = n % 3 == 0 ? "web" : (n % 3 == 1 ? "sms" : "kiosk");
    r.subchannel = "10086";
    r.session_id = "3f2a9c0d1e4b5a67";
    r.request_id = "b7c1d2e3f4a59687";
    r.msisdn = "138" + std::to_string(10'000'000 + customer);
    r.plugin = "billing";
    r.operation = "balance";
    r.business = "balance_query";
    r.outcome = "ok";
    r.code = "ok";
    r.latency_us = static_cast<std::int64_t>(300 + n % 700);
    return r;
}

double cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

}  // namespace

int main(int argc, char** argv) {
    const bool random_customers = argc == 6 && std::string(argv[5]) == "random";
    if (argc < 4 || argc > 6 ||
        (argc == 6 && !random_customers && std::string(argv[5]) != "sequential")) {
        std::fprintf(stderr,
                     "usage: journal_throughput DIR|URL SECONDS RATE_PER_SECOND [PRODUCERS "
                     "[sequential|random]]\n");
        return 2;
    }
    // A postgresql:// URL instead of DIR writes to that database (DESIGN §9), whose tables the
    // caller empties; several processes on one URL are several instances' writers.
    const std::string where = argv[1];
    const bool on_postgres = where.starts_with("postgresql://");
    const auto path = std::filesystem::path(where) / "journal_bench.db";
    if (!on_postgres)
        std::filesystem::remove(path);
    const auto duration = std::chrono::seconds(std::stoi(argv[2]));
    const double rate = std::stod(argv[3]);
    const int producers = argc >= 5 ? std::max(1, std::stoi(argv[4])) : 2;
    spdlog::set_level(spdlog::level::err);  // drops are counted in the output, not logged

    double max_lag = 0, max_summary_lag = 0, catch_up = 0;
    std::uint64_t written = 0, dropped = 0;
    double elapsed = 0, cpu = 0;
    {
        std::optional<ehall::Journal> journal_holder(
            std::in_place, ehall::Journal::Options{.path = on_postgres ? "" : path,
                                                   .database_url = on_postgres ? where : ""});
        ehall::Journal& journal = *journal_holder;
        std::atomic<bool> running{true};
        const auto start = Clock::now();
        std::vector<std::thread> threads;
        for (int p = 0; p < producers; ++p) {
            threads.emplace_back([&, p] {
                const double each = rate / producers;  // records per second per producer
                std::uint64_t n = 0;
                while (running.load(std::memory_order_relaxed)) {
                    if (each > 0) {
                        const auto due = start + std::chrono::duration_cast<Clock::duration>(
                                                     std::chrono::duration<double>(n / each));
                        if (Clock::now() < due) {
                            std::this_thread::sleep_until(
                                std::min(due, Clock::now() + std::chrono::milliseconds(1)));
                            continue;
                        }
                    }
                    journal.append(sample_record(n * producers + p, random_customers));
                    ++n;
                }
            });
        }
        while (Clock::now() - start < duration) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
            const auto stats = journal.stats();
            max_lag = std::max(max_lag, stats.flush_lag_seconds);
            max_summary_lag = std::max(max_summary_lag, stats.summary_lag_seconds);
        }
        const auto before_stop = journal.stats();
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
        cpu = cpu_seconds();
        running = false;
        for (auto& thread : threads)
            thread.join();
        written = before_stop.written;
        dropped = before_stop.dropped;
        const auto stopping = Clock::now();
        journal_holder.reset();
        catch_up = std::chrono::duration<double>(Clock::now() - stopping).count();
    }
    std::filesystem::remove(path);
    std::filesystem::remove(path.string() + "-wal");
    std::filesystem::remove(path.string() + "-shm");
    for (const char* suffix : {"-summary.db", "-summary.db-wal", "-summary.db-shm"})
        std::filesystem::remove(path.parent_path() / (path.stem().string() + suffix));
    std::printf("%.0f %.1f %llu %.0f %.1f %.2f\n", static_cast<double>(written) / elapsed,
                max_lag * 1000, static_cast<unsigned long long>(dropped),
                static_cast<double>(written) / cpu, max_summary_lag * 1000, catch_up);
    return 0;
}
