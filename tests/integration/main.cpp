// The integration test binary: each test case starts its own `ehall serve` on a loopback port.
#define BOOST_TEST_MODULE ehall integration tests
#include <boost/test/unit_test.hpp>
