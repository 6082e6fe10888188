// A byte count as people read it: "8 GiB", "402.03 MiB".
#pragma once

#include <string>

namespace mckit {

std::string bytes_human(double bytes);

}  // namespace mckit
