#include "gateway/identity/recent_sessions.hpp"

namespace ehall {

namespace {
// Beyond this many remembered sessions, the stale ones are dropped before adding one.
constexpr std::size_t kPruneAbove = 4096;
}  // namespace

std::optional<RecentSessions::Entry> RecentSessions::find(const std::string& token_hash,
                                                          std::int64_t now_ms) {
    if (!enabled())
        return std::nullopt;
    std::lock_guard lock(mutex_);
    auto it = entries_.find(token_hash);
    if (it == entries_.end())
        return std::nullopt;
    // Expired here may still be extended by another instance: ask the store again.
    if (Clock::now() - it->second.read_at >= keep_for_ || now_ms >= it->second.expires_ms) {
        entries_.erase(it);
        return std::nullopt;
    }
    return it->second;
}

std::uint64_t RecentSessions::closes() const {
    std::lock_guard lock(mutex_);
    return closes_;
}

void RecentSessions::remember(const std::string& token_hash, Entry entry,
                              std::uint64_t closes_before) {
    if (!enabled())
        return;
    std::lock_guard lock(mutex_);
    if (closes_ != closes_before)
        return;
    if (entries_.size() >= kPruneAbove)
        drop_stale(Clock::now());
    entries_.insert_or_assign(token_hash, std::move(entry));
}

void RecentSessions::forget(const std::string& token_hash) {
    std::lock_guard lock(mutex_);
    ++closes_;
    entries_.erase(token_hash);
}

void RecentSessions::drop_stale(Clock::time_point now) {
    std::erase_if(entries_,
                  [&](const auto& item) { return now - item.second.read_at >= keep_for_; });
    if (entries_.size() >= kPruneAbove)
        entries_.clear();
}

}  // namespace ehall
