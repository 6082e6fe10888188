// The RTL controller: the Verilated mc_top behind the ControllerCore interface, clocked in a
// C++ loop, with its waves written as FST (or VCD) and a GTKWave save file beside them
// (WaveDump).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include "ctrl/controller_config.h"
#include "ctrl/controller_core.h"
#include "ctrl/controller_params.h"
#include "dram/dram_preset.h"
#include "rtl/wave_dump.h"

class Vmc_top;
class VerilatedContext;

namespace mckit::sim {

class RtlController : public ctrl::ControllerCore {
 public:
  // `preset` gives the controller's timing and organization. Throws InputError for a preset
  // or policy the build cannot serve, or a waves file it cannot write.
  RtlController(const dram::DramPreset& preset, const ctrl::ControllerConfig& config,
                const std::optional<WaveOptions>& waves = std::nullopt);
  // mc_top's configuration inputs as given (derive_controller_params makes them from a
  // preset and a policy): a test can set one on its own, such as the wait bound.
  RtlController(const dram::DramPreset& preset, const ctrl::ControllerParams& params,
                const std::optional<WaveOptions>& waves = std::nullopt);
  ~RtlController() override;
  RtlController(const RtlController&) = delete;
  RtlController& operator=(const RtlController&) = delete;

  void cycle(const ctrl::CoreInputs& in, ctrl::CoreOutputs& out) override;
  std::uint64_t now() const override { return cycle_; }
  void reset() override;
  ctrl::PfBufferCounters prefetch_counters() const override;
  void finish() override;

 private:
  // One clock of the model; cycle() adds the cycle to a failed assertion.
  void step(const ctrl::CoreInputs& in, ctrl::CoreOutputs& out);
  dram::DramCommand decode_command() const;

  const int bank_bits_;  // bits of the bank within its group
  std::unique_ptr<WaveDump> waves_;
  std::unique_ptr<VerilatedContext> context_;
  std::unique_ptr<Vmc_top> top_;
  std::uint64_t cycle_ = 0;
};

}  // namespace mckit::sim
