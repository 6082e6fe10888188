#include "backend_name.h"

#include "common/input_error.h"

namespace mckit::sim {

const std::vector<std::string>& backend_names() {
  static const std::vector<std::string> names{"rtl", "tlm"};
  return names;
}

Backend parse_backend(const std::string& name) {
  if (name == "rtl") return Backend::Rtl;
  if (name == "tlm") return Backend::Tlm;
  throw InputError("unknown backend '" + name + "' (expected rtl or tlm)");
}

std::string name_of(Backend b) { return b == Backend::Rtl ? "rtl" : "tlm"; }

}  // namespace mckit::sim
