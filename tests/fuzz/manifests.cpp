#include "plugins/billing/billing_manifest.hpp"
#include "plugins/family/family_manifest.hpp"
#include "plugins/offers/offers_manifest.hpp"
#include "plugins/points/points_manifest.hpp"
#include "tests/fuzz/fuzz_check.hpp"

namespace ehall::fuzz {

const std::vector<Manifest>& builtin_manifests() {
    static const std::vector<Manifest> manifests = {
        billing::billing_manifest(), family::family_manifest(), points::points_manifest(),
        offers::offers_manifest()};
    return manifests;
}

const std::vector<CustomerOperation>& customer_operations() {
    static const std::vector<CustomerOperation> operations = [] {
        std::vector<CustomerOperation> all;
        for (const auto& manifest : builtin_manifests()) {
            for (const auto& operation : manifest.operations) {
                if (!operation.internal)
                    all.push_back({&manifest, &operation});
            }
        }
        return all;
    }();
    return operations;
}

}  // namespace ehall::fuzz
