// The controller backends by name, as the command line and run files give them: "rtl", the
// Verilated mc_top, and "tlm", the C++ reference controller (backend.h builds them).
#pragma once

#include <string>
#include <vector>

namespace mckit::sim {

enum class Backend { Rtl, Tlm };

const std::vector<std::string>& backend_names();  // rtl, tlm
Backend parse_backend(const std::string& name);   // throws InputError
std::string name_of(Backend b);

}  // namespace mckit::sim
