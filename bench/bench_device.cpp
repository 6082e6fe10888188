// Speed of the DRAM device model: the shipped DDR4-3200 example log, replayed back to back
// (each copy 900 cycles after the last, which keeps every constraint), through the timing
// checker, data store and energy model. Prints commands per second; never part of `make test`.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <vector>

#include "dram/command_log.h"
#include "dram/dram_device.h"

int main(int argc, char** argv) {
  using namespace mckit::dram;
  const std::string log = argc > 1 ? argv[1] : "docs/examples/ddr4-3200-read-write.log";
  const int copies = argc > 2 ? std::atoi(argv[2]) : 200000;
  constexpr std::uint64_t kPeriod = 900;

  const DramPreset preset = load_preset("ddr4-3200");
  std::vector<DramCommand> pattern;
  std::ifstream in(log);
  read_command_log(in, log, preset.org, [&](const LoggedCommand& c) { pattern.push_back(c.command); });

  DramDevice device(preset);
  const std::vector<std::uint8_t> data(std::size_t(device.burst_bytes()), 0x5A);
  ReadBurst burst;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < copies; ++i) {
    for (DramCommand c : pattern) {
      c.cycle += std::uint64_t(i) * kPeriod;
      device.issue(c, data.data());
      while (device.pop_read(c.cycle, burst)) {
      }
    }
  }
  const std::uint64_t end_cycle = std::uint64_t(copies) * kPeriod;
  device.finish(end_cycle);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double commands = double(device.commands());
  std::printf("device model, DDR4-3200: %.0f commands over %llu cycles in %.3f s\n", commands,
              static_cast<unsigned long long>(end_cycle), seconds);
  std::printf("  %.2f M commands/s checked, %.1f M simulated cycles/s, %zu violations\n",
              commands / seconds / 1e6, double(end_cycle) / seconds / 1e6,
              device.violations().size());
  return device.violations().empty() ? 0 : 1;
}
