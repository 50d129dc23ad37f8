// The entries of sorted runs, merged in order: a vector sorted a run at a time (each run as
// soon as it is complete) read back as if it were sorted whole. Used by SummaryBulkLoad.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace ehall {

template <typename Key>
class SortedRuns {
  public:
    // `keys` holds runs, each sorted, ending at `run_ends` (in order, the last at the end of
    // `keys`); both must outlive this.
    SortedRuns(const std::vector<Key>& keys, const std::vector<std::size_t>& run_ends) {
        std::size_t begin = 0;
        for (const std::size_t end : run_ends) {
            if (begin < end)
                heap_.push_back({keys.data() + begin, keys.data() + end});
            begin = end;
        }
        std::make_heap(heap_.begin(), heap_.end(), later);
    }

    bool empty() const { return heap_.empty(); }

    // The least entry not taken yet; only while !empty().
    Key next() {
        std::pop_heap(heap_.begin(), heap_.end(), later);
        Cursor& cursor = heap_.back();
        const Key key = *cursor.at++;
        if (cursor.at == cursor.end)
            heap_.pop_back();
        else
            std::push_heap(heap_.begin(), heap_.end(), later);
        return key;
    }

  private:
    struct Cursor {
        const Key* at;
        const Key* end;
    };
    // A max-heap ordered by this keeps the cursor at the least key on top.
    static bool later(const Cursor& a, const Cursor& b) { return *b.at < *a.at; }

    std::vector<Cursor> heap_;
};

}  // namespace ehall
