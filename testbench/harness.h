// The bare cycle-level harness: a workload's requests offered to a MemorySystem as fast as
// its controller takes them (or as a gate allows), in a plain C++ loop, with the scoreboard
// and the monitors watching. The SystemC top (tlm_top.h) runs the same system through TLM.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>

#include "ctrl/controller_core.h"
#include "ctrl/memory_system.h"
#include "dram/dram_preset.h"
#include "stats/run_stats.h"
#include "testbench/run_monitors.h"
#include "workloads/request_source.h"

namespace mckit::testbench {

struct HarnessOptions {
  bool check_data = true;                 // the scoreboard checks every read
  std::uint64_t stall_limit = 1'000'000;  // cycles without progress before the run fails
};

class Harness : private ctrl::MemoryObserver {
 public:
  Harness(const dram::DramPreset& preset, std::unique_ptr<ctrl::ControllerCore> core,
          const HarnessOptions& options = {});

  // Offers every request of `source` as fast as the controller takes them and runs until
  // each is answered and every write has reached the device.
  stats::RunStats run(workloads::RequestSource& source);

  // Offers requests of `source` the same way up to cycle `until` and returns there, whatever
  // is still queued or in flight (a reset() may follow; then run() another workload).
  // Completion tags go on counting across the calls.
  void run_until(workloads::RequestSource& source, std::uint64_t until);
  // Resets the controller and the device between two cycles (MemorySystem::reset).
  ctrl::ResetReport reset() { return system_.reset(); }

  // Observers, called as it happens (tests use them to see order and timing). A
  // completion's tag is the request's position among all the requests offered, from 0.
  std::function<void(const ctrl::IssuedCommand&)> on_command;
  std::function<void(const ctrl::Completion&)> on_completion;

  // Holds requests back: offer request `sequence` no earlier than a cycle the gate passes.
  void set_request_gate(std::function<bool(std::uint64_t cycle, std::uint64_t sequence)> gate) {
    gate_ = std::move(gate);
  }
  // Response back-pressure: see MemorySystem::set_response_ready.
  void set_response_ready(std::function<bool(std::uint64_t cycle)> ready) {
    system_.set_response_ready(std::move(ready));
  }

  std::uint64_t cycle() const { return system_.cycle(); }
  std::uint64_t offered() const { return sequence_; }  // requests offered so far: the next tag
  const dram::DramDevice& device() const { return system_.device(); }
  int burst_bytes() const { return system_.burst_bytes(); }

 private:
  void completed(const ctrl::Completion& c) override;
  void issued(const ctrl::IssuedCommand& c) override;
  // Offers requests and steps until `until`, or until the source is done and nothing is
  // left in flight.
  void drive(workloads::RequestSource& source, std::uint64_t until);

  ctrl::MemorySystem system_;
  RunMonitors monitors_;
  std::function<bool(std::uint64_t, std::uint64_t)> gate_;
  std::uint64_t sequence_ = 0;  // of the next request offered
};

}  // namespace mckit::testbench
