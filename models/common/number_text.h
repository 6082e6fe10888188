// A double as messages and canonical option values write it: the shortest text that reads
// back as the same value (0.1, 13.75, 1e+20, 3), not 1.375E1 or 0.10000000000000001.
#pragma once

#include <string>

namespace mckit {

std::string number_text(double value);

}  // namespace mckit
