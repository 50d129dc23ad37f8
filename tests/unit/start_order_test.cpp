// Plugins start after the plugins they depend on; a missing dependency or a cycle stops
// start-up naming them (DESIGN §4a).
#include <boost/test/unit_test.hpp>

#include "gateway/config/config.hpp"
#include "gateway/host/start_order.hpp"

using namespace ehall;

namespace {

std::vector<std::string> ordered_ids(const std::vector<PluginDependencies>& plugins) {
    std::vector<std::string> ids;
    for (std::size_t index : start_order(plugins))
        ids.push_back(plugins[index].id);
    return ids;
}

std::string refusal(const std::vector<PluginDependencies>& plugins) {
    try {
        start_order(plugins);
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(start_order_of_plugins)

BOOST_AUTO_TEST_CASE(dependencies_start_first_the_rest_as_configured) {
    const std::vector<PluginDependencies> plugins = {{"campaigns", {"offers", "billing"}},
                                                     {"billing", {}},
                                                     {"offers", {"family"}},
                                                     {"family", {"billing"}},
                                                     {"points", {}}};
    BOOST_TEST(ordered_ids(plugins) ==
                   (std::vector<std::string>{"billing", "family", "offers", "campaigns", "points"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_missing_dependency_is_named) {
    auto message = refusal({{"billing", {}}, {"offers", {"family"}}});
    BOOST_TEST(
        message.find("plugin offers depends on family, which is not loaded") != std::string::npos,
        message);
}

BOOST_AUTO_TEST_CASE(a_cycle_is_named_whole) {
    auto message = refusal({{"a", {"b"}}, {"b", {"c"}}, {"c", {"a"}}, {"d", {}}});
    BOOST_TEST(message.find("cycle: a -> b -> c -> a") != std::string::npos, message);
    BOOST_TEST(refusal({{"selfish", {"selfish"}}}).find("cycle: selfish -> selfish") !=
               std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
