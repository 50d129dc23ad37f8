// Request bodies nested far deeper than libFuzzer's short inputs could spell out: the input
// describes a document, and the document goes through parse_bounded_json and json_member
// (gateway/http/json_body) as every route's body does. Checks: nothing nested deeper than
// max_json_depth is ever accepted, anything accepted can be copied, compared and printed
// (all of which recurse per level), and a shallow document around a valid value is accepted.
//
// Input: bytes 0-2 the number of wrapping levels (byte 0 below 0xF0: that many, around the
// limit, fast; else 10 x bytes 1-2, up to 655,350: a 1 MiB body), byte 3 their shapes (bit
// i % 8 of level i: object member or array), the rest the innermost value as text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "gateway/http/json_body.hpp"
#include "tests/fuzz/fuzz_check.hpp"

using namespace ehall;

namespace {

// The deepest nesting of objects and arrays in `value`, counted without recursion.
std::size_t depth_of(const nlohmann::json& value) {
    std::size_t deepest = 0;
    std::vector<std::pair<const nlohmann::json*, std::size_t>> pending{{&value, 0}};
    while (!pending.empty()) {
        auto [node, depth] = pending.back();
        pending.pop_back();
        if (!node->is_structured())
            continue;
        deepest = std::max(deepest, depth + 1);
        for (const auto& child : *node)
            pending.emplace_back(&child, depth + 1);
    }
    return deepest;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 4)
        return 0;
    const std::size_t levels =
        data[0] < 0xF0 ? data[0] : std::size_t{10} * ((data[1] << 8) | data[2]);
    const std::uint8_t shapes = data[3];
    const std::string inner(reinterpret_cast<const char*>(data + 4), size - 4);

    std::string document;
    for (std::size_t i = 0; i < levels; ++i)
        document += (shapes >> (i % 8)) & 1 ? "{\"k\":" : "[";
    document += inner;
    for (std::size_t i = levels; i-- > 0;)
        document += (shapes >> (i % 8)) & 1 ? '}' : ']';

    const auto parsed = parse_bounded_json(document);
    if (levels > max_json_depth)
        FUZZ_CHECK(!parsed);
    if (!parsed) {
        // Refused although shallow: then the innermost text is what is wrong or too deep
        // (a byte order mark is valid only at the very start, so it is left out).
        if (levels < max_json_depth && inner.rfind("\xEF\xBB\xBF", 0) != 0) {
            const auto alone = parse_bounded_json(inner);
            FUZZ_CHECK(!alone || depth_of(*alone) + levels > max_json_depth);
        }
        return 0;
    }
    FUZZ_CHECK(depth_of(*parsed) <= max_json_depth);
    const nlohmann::json copy = *parsed;  // recurses once per level
    FUZZ_CHECK(copy == *parsed);
    FUZZ_CHECK(parse_bounded_json(copy.dump()) == parsed);
    if (const nlohmann::json* member = json_member(*parsed, "k"))
        FUZZ_CHECK(member == &(*parsed)["k"]);
    return 0;
}
