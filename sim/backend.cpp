#include "backend.h"

#include "common/input_error.h"
#include "ctrl/reference_controller.h"

namespace mckit::sim {

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
