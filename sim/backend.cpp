#include "backend.h"

#include "common/input_error.h"
#include "ctrl/reference_controller.h"

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

std::unique_ptr<ctrl::ControllerCore> make_core(const dram::DramPreset& preset,
                                                const CoreOptions& options) {
  dram::DramPreset controller_preset = preset;
  if (options.controller_timing) controller_preset.timing = *options.controller_timing;
  if (options.backend == Backend::Rtl)
    return std::make_unique<RtlController>(controller_preset, options.controller, options.waves);
  if (options.waves)
    throw InputError("waves come from the RTL: use --backend rtl with --waves");
  return std::make_unique<ctrl::ReferenceController>(controller_preset, options.controller);
}

}  // namespace mckit::sim
