#define BOOST_TEST_MODULE ehall plugin tests
#include <boost/test/unit_test.hpp>
