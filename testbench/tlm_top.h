// The assembled SystemC top: a TLM initiator playing a workload into the controller target
// (models/tlm) around a MemorySystem, with the run monitors attached. SystemC elaborates
// once per process, so a process runs one such simulation.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>

#include "ctrl/controller_core.h"
#include "dram/dram_preset.h"
#include "stats/run_stats.h"
#include "testbench/tlm_initiator.h"
#include "workloads/request_source.h"

namespace mckit::testbench {

struct TlmRunOptions {
  InitiatorOptions initiator;
  std::uint64_t quantum_cycles = 4096;   // how far the controller's clock runs ahead
  bool check_data = true;
  std::uint64_t stall_limit = 1'000'000;
};

stats::RunStats run_tlm(const dram::DramPreset& preset, std::unique_ptr<ctrl::ControllerCore> core,
                        workloads::RequestSource& source, const TlmRunOptions& options,
                        const std::function<void()>& on_response = {});

}  // namespace mckit::testbench
