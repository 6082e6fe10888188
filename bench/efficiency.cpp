// Read efficiency of every shipped preset: sequential reads and random 64-byte reads, each as
// a share of the preset's peak, beside the limit its timings allow (docs/efficiency.md works
// each limit out). Runs the C++ reference controller (the RTL's twin, command for command) on
// one channel: FR-FCFS, adaptive page policy (a row idle for 64 cycles closes); sequential
// reads rotate bank groups burst by burst (ro-ba-ra-co-bg-ch), random ones keep an access's
// bursts in one row (ro-ba-ra-co-ch).
//   bench_efficiency [REQUESTS]   sequential bursts and random 64-byte reads per preset
// Prints its figures and the goals they meet or miss; exits non-zero only when a run had
// timing violations, data mismatches or unanswered requests. Never part of `make test`.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <random>
#include <string>

#include "backend.h"
#include "dram/dram_preset.h"
#include "dram/standard_rules.h"
#include "stats/run_stats.h"
#include "workloads/microbench.h"

namespace {

using mckit::Request;
using mckit::dram::Command;
using mckit::dram::DramPreset;
using mckit::stats::RunStats;

constexpr int kAccessBytes = 64;

// Random 64-byte reads over the whole device: each access is the 64 / burst consecutive bursts
// of a random 64-byte-aligned address (two on the 32-byte bursts of LPDDR5, HBM2 and HBM3).
class RandomAccesses : public mckit::workloads::RequestSource {
 public:
  RandomAccesses(std::uint64_t accesses, const DramPreset& p)
      : left_(accesses),
        burst_(std::uint64_t(p.org.bytes_per_burst())),
        slots_(p.capacity_bytes() / kAccessBytes),
        rng_(7) {}
  bool next(Request& out) override {
    if (offset_ == 0) {
      if (left_ == 0) return false;
      --left_;
      base_ = (rng_() % slots_) * kAccessBytes;
    }
    out = Request{};
    out.addr = base_ + offset_;
    offset_ = (offset_ + burst_) % std::max<std::uint64_t>(burst_, kAccessBytes);
    return true;
  }

 private:
  std::uint64_t left_, burst_, slots_, base_ = 0, offset_ = 0;
  std::mt19937_64 rng_;
};

RunStats run(const DramPreset& p, mckit::workloads::RequestSource& source,
             mckit::ctrl::Mapping mapping) {
  mckit::sim::HarnessOptions o;
  o.backend = mckit::sim::Backend::Tlm;
  o.controller.scheduler = mckit::ctrl::Scheduler::FrFcfs;
  o.controller.page_policy = mckit::ctrl::PagePolicy::Adaptive;
  o.controller.mapping = mapping;
  mckit::sim::CycleHarness harness(p, o);
  const RunStats s = harness.run(source);
  if (!s.clean()) {
    std::printf("FAILED on %s: %llu violations, %llu data mismatches, %llu unanswered\n",
                p.name.c_str(), static_cast<unsigned long long>(s.violations),
                static_cast<unsigned long long>(s.data_mismatches),
                static_cast<unsigned long long>(s.unanswered));
    std::exit(1);
  }
  return s;
}

struct Limit {
  double percent;
  std::string why;
};

// The cycles a random access holds the busiest command bus of the standard's description: its
// ACT, its column commands and its PRE, each for the clocks the description gives it.
int busiest_bus_cycles(const DramPreset& p, int columns) {
  const mckit::dram::StandardRules rules = mckit::dram::load_standard_rules(p.standard);
  int busiest = 0;
  for (const mckit::dram::CommandBus& bus : rules.buses) {
    int cycles = 0;
    const auto add = [&](Command c, int times) {
      if (bus.commands & mckit::dram::command_bit(c)) cycles += times * bus.clocks[std::size_t(c)];
    };
    add(Command::ACT, 1);
    add(Command::RD, columns);
    add(Command::PRE, 1);
    busiest = std::max(busiest, cycles);
  }
  return busiest;
}

double refresh_share(const DramPreset& p) {
  return 1.0 - double(p.timing.tRFC) / double(p.timing.tREFI);
}

// One rank streams until the all-bank refresh stops it: tRFC of every tREFI. Ranks refresh
// apart, so with more than one the stream can move on and no timing bounds it below peak.
Limit sequential_limit(const DramPreset& p) {
  if (p.org.ranks > 1) return {100.0, "ranks refresh apart: no bound below peak"};
  char why[160];
  std::snprintf(why, sizeof why, "refresh: 1 - tRFC/tREFI = 1 - %d/%d", p.timing.tRFC,
                p.timing.tREFI);
  return {100.0 * refresh_share(p), why};
}

// Each random access opens a row: its bursts take k x tBL of the data bus, and it needs one
// ACT, which tRRD_S and tFAW space across the rank (ACTs alternate bank groups), tRC per bank
// over all banks, and the command bus its clocks. The slowest of these sets the pace.
Limit random_limit(const DramPreset& p) {
  const auto& t = p.timing;
  const int k = std::max(1, kAccessBytes / p.org.bytes_per_burst());
  const double data = double(k) * std::max(t.tBL, t.tCCD_S);
  const double act = std::max(double(t.tRRD_S), t.tFAW / 4.0) / p.org.ranks;
  const double bank = double(t.tRC) / (p.org.banks_per_rank() * p.org.ranks);
  const double bus = busiest_bus_cycles(p, k);
  const double pace = std::max({data, act, bank, bus});
  char why[200];
  const char* binding = pace == data ? "data bus" : pace == act ? "tRRD_S/tFAW" :
                        pace == bank ? "tRC over the banks" : "command bus";
  std::snprintf(why, sizeof why,
                "%s: %d burst(s) x tBL %d per %.2f cycles (data %.1f, tRRD_S/tFAW %.2f, "
                "tRC/banks %.2f, command bus %.0f), x refresh %.1f %%",
                binding, k, t.tBL, pace, data, act, bank, bus, 100.0 * refresh_share(p));
  return {100.0 * k * t.tBL / pace * refresh_share(p), why};
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::uint64_t n = argc > 1 ? std::stoull(argv[1]) : 1'000'000;
    std::printf("== read efficiency per preset, %llu requests each (C++ twin of mc_top, FR-FCFS, "
                "adaptive page policy); goals: sequential >= 90 %% of peak, random "
                "within 5 %% of its limit ==\n",
                static_cast<unsigned long long>(n));
    std::printf("%-12s %9s | %10s %9s %5s | %10s %9s %9s %5s\n", "preset", "peak GB/s",
                "sequential", "limit", "goal", "random 64B", "limit", "of limit", "goal");
    int missed = 0;
    for (const char* name : {"ddr3-1600k", "ddr4-3200", "ddr5-4800", "lpddr5-6400", "hbm2",
                             "hbm3"}) {
      const DramPreset p = mckit::dram::load_preset(name);
      mckit::workloads::SequentialParams sp;
      sp.count = n;
      sp.burst_bytes = p.org.bytes_per_burst();
      mckit::workloads::SequentialSource sequential(sp);
      const RunStats seq = run(p, sequential, mckit::ctrl::Mapping::RoBaRaCoBgCh);
      RandomAccesses random(n / std::max(1, kAccessBytes / p.org.bytes_per_burst()), p);
      const RunStats rnd = run(p, random, mckit::ctrl::Mapping::RoBaRaCoCh);
      const Limit sl = sequential_limit(p), rl = random_limit(p);
      const bool seq_ok = seq.percent_of_peak() >= 90.0;
      const double of_limit = 100.0 * rnd.percent_of_peak() / rl.percent;
      const bool rnd_ok = of_limit >= 95.0;
      missed += !seq_ok + !rnd_ok;
      std::printf("%-12s %9.1f | %9.1f%% %8.1f%% %5s | %9.1f%% %8.1f%% %8.1f%% %5s\n", name,
                  p.peak_bandwidth_gbps(), seq.percent_of_peak(), sl.percent,
                  seq_ok ? "met" : "MISS", rnd.percent_of_peak(), rl.percent, of_limit,
                  rnd_ok ? "met" : "MISS");
      std::printf("%-12s   sequential limit, %s\n%-12s   random limit, %s\n", "", sl.why.c_str(),
                  "", rl.why.c_str());
    }
    std::printf("%d goal(s) missed\n", missed);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_efficiency: %s\n", e.what());
    return 2;
  }
}
