#include "testbench/harness.h"

#include <chrono>

namespace mckit::testbench {

Harness::Harness(const dram::DramPreset& preset, std::unique_ptr<ctrl::ControllerCore> core,
                 const HarnessOptions& options)
    : system_(preset, std::move(core), options.stall_limit),
      monitors_(preset.org.bytes_per_burst(), options.check_data) {
  monitors_.attach(system_);
  system_.add_observer(this);
}

void Harness::completed(const ctrl::Completion& c) {
  if (on_completion) on_completion(c);
}

void Harness::issued(const ctrl::IssuedCommand& c) {
  if (on_command) on_command(c);
}

void Harness::drive(workloads::RequestSource& source, std::uint64_t until) {
  bool source_done = false;
  Request r;
  while (system_.cycle() < until) {
    if (!source_done && system_.can_offer() && (!gate_ || gate_(system_.cycle(), sequence_))) {
      if (source.next(r)) system_.offer(r, sequence_++);
      else source_done = true;
    }
    system_.step();
    if (source_done && !system_.busy()) break;
    // Quiet cycles are skipped while no new request can be offered: until the controller
    // takes the one waiting or frees a request id, both of which end the quiet stretch. A
    // gate's next opening is unknown, so a gated run steps through every cycle.
    if (!gate_ && (source_done || !system_.can_offer())) system_.skip_quiet(until);
  }
}

void Harness::run_until(workloads::RequestSource& source, std::uint64_t until) {
  drive(source, until);
  while (system_.cycle() < until) {  // the source done and everything answered: idle
    system_.step();
    system_.skip_quiet(until);
  }
}

stats::RunStats Harness::run(workloads::RequestSource& source) {
  const auto start = std::chrono::steady_clock::now();
  drive(source, UINT64_MAX);
  stats::RunStats s = system_.finish();
  monitors_.fill(s);
  s.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return s;
}

}  // namespace mckit::testbench
