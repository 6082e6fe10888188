// The RTL controller: the Verilated mc_top behind the ControllerCore interface, clocked in a
// C++ loop, with its waves written as FST (or VCD) and a GTKWave save file beside them.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "ctrl/controller_config.h"
#include "ctrl/controller_core.h"
#include "dram/dram_preset.h"

class Vmc_top;
class VerilatedContext;
class VerilatedFstC;

namespace mckit::sim {

struct WaveOptions {
  std::string path;               // .fst, or .vcd (converted with fst2vcd at the end)
  std::uint64_t start = 0;        // first cycle dumped
  std::uint64_t end = UINT64_MAX; // first cycle not dumped
};

class RtlController : public ctrl::ControllerCore {
 public:
  // `preset` gives the controller's timing and organization. Throws InputError for a preset
  // or policy the build cannot serve, or a waves file it cannot write.
  RtlController(const dram::DramPreset& preset, const ctrl::ControllerConfig& config,
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
  void configure(const dram::DramPreset& preset, const ctrl::ControllerConfig& config);
  dram::DramCommand decode_command() const;
  void dump_wave(std::uint64_t time);

  const int bank_bits_;  // bits of the bank within its group
  const std::optional<WaveOptions> waves_;
  std::unique_ptr<VerilatedContext> context_;
  std::unique_ptr<Vmc_top> top_;
  std::unique_ptr<VerilatedFstC> trace_;
  std::string trace_fst_path_;
  std::uint64_t cycle_ = 0;
};

}  // namespace mckit::sim
