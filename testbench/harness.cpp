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

stats::RunStats Harness::run(workloads::RequestSource& source) {
  const auto start = std::chrono::steady_clock::now();
  bool source_done = false;
  std::uint64_t sequence = 0;
  Request r;
  for (;;) {
    if (!source_done && system_.can_offer() && (!gate_ || gate_(system_.cycle(), sequence))) {
      if (source.next(r)) system_.offer(r, sequence++);
      else source_done = true;
    }
    system_.step();
    if (source_done && !system_.busy()) break;
    // Quiet cycles are skipped while no new request can be offered: until the controller
    // takes the one waiting or frees a request id, both of which end the quiet stretch. A
    // gate's next opening is unknown, so a gated run steps through every cycle.
    if (!gate_ && (source_done || !system_.can_offer())) system_.skip_quiet(UINT64_MAX);
  }
  stats::RunStats s = system_.finish();
  monitors_.fill(s);
  s.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return s;
}

}  // namespace mckit::testbench
