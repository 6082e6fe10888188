// The two controller backends behind one interface: "rtl", the Verilated mc_top, and "tlm",
// the C++ reference controller that mirrors it cycle for cycle.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "backend_name.h"
#include "ctrl/controller_config.h"
#include "ctrl/controller_core.h"
#include "dram/dram_preset.h"
#include "rtl/rtl_controller.h"
#include "testbench/harness.h"

namespace mckit::sim {

struct CoreOptions {
  Backend backend = Backend::Rtl;
  ctrl::ControllerConfig controller;
  std::optional<WaveOptions> waves;  // the RTL's signals: rtl backend only
  // The controller's timing when it should differ from the device's, to prove the checker
  // watches the controller (the device always keeps the preset's own timing).
  std::optional<dram::Timing> controller_timing;
};

// Throws InputError for a preset or policy the controller cannot serve, or waves asked of
// the tlm backend.
std::unique_ptr<ctrl::ControllerCore> make_core(const dram::DramPreset& preset,
                                                const CoreOptions& options);

struct HarnessOptions : CoreOptions, testbench::HarnessOptions {};

// The bare harness around the backend the options name.
class CycleHarness : public testbench::Harness {
 public:
  CycleHarness(const dram::DramPreset& preset, const HarnessOptions& options)
      : testbench::Harness(preset, make_core(preset, options), options) {}
};

}  // namespace mckit::sim
