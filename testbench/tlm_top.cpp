#include "testbench/tlm_top.h"

#include <chrono>

#include "ctrl/memory_system.h"
#include "testbench/run_monitors.h"
#include "tlm/controller_target.h"
#include "tlm/simulate.h"

namespace mckit::testbench {

stats::RunStats run_tlm(const dram::DramPreset& preset, std::unique_ptr<ctrl::ControllerCore> core,
                        workloads::RequestSource& source, const TlmRunOptions& options,
                        const std::function<void()>& on_response) {
  const auto start = std::chrono::steady_clock::now();
  auto system = std::make_unique<ctrl::MemorySystem>(preset, std::move(core), options.stall_limit);
  ctrl::MemorySystem& memory = *system;
  RunMonitors monitors(preset.org.bytes_per_burst(), options.check_data);
  monitors.attach(memory);

  tlm_models::ControllerTarget target("controller", std::move(system), options.quantum_cycles);
  TlmInitiator initiator("initiator", source, preset.org.bytes_per_burst(), target.tck(),
                         options.initiator);
  if (on_response) initiator.on_response = [&](const tlm::tlm_generic_payload&) { on_response(); };
  initiator.socket.bind(target.socket);

  // The initiator ends the run with sc_stop(), which SystemC would announce on stdout.
  sc_core::sc_report_handler::set_actions("/OSCI/SystemC", sc_core::SC_INFO, sc_core::SC_DO_NOTHING);
  tlm_models::simulate();
  initiator.rethrow_error();
  target.rethrow_error();

  stats::RunStats s = memory.finish();
  monitors.fill(s);
  s.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return s;
}

}  // namespace mckit::testbench
