// SystemC prints its copyright banner on stdout, mixed into a program's own output, unless
// SYSTEMC_DISABLE_COPYRIGHT_MESSAGE is set before SystemC's main() elaborates. A program's
// static initializers run early enough: its main file includes this header.
#pragma once

#include <cstdlib>

namespace mckit::testbench {

inline const bool kSystemcBannerOff = setenv("SYSTEMC_DISABLE_COPYRIGHT_MESSAGE", "1", 0) == 0;

}  // namespace mckit::testbench
