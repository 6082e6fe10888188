// The main of test programs that link SystemC: SystemC's own main() calls sc_main.
#include <gtest/gtest.h>

#include "testbench/systemc_banner.h"

extern "C" int sc_main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
