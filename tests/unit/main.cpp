#define BOOST_TEST_MODULE ehall unit tests
#include <boost/test/unit_test.hpp>
