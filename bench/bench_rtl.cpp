// The RTL controller (Verilated mc_top in the cycle-level harness) on DDR4-3200, one rank, open
// page, FR-FCFS. One executable, one measurement per process (peak RSS is per process):
//   bench_rtl bandwidth            % of peak: sequential reads with two mappings, random 80 % reads
//   bench_rtl speed N [W]          cycles/s and requests/s: data checking on and off, waves on
//                                  (W requests with waves, default min(N, 100 000): tracing is
//                                  several times slower and writes ~90 bytes a cycle; 0 skips it)
//   bench_rtl memory N [MiB]       peak RSS and stored bursts after N random requests over a
//                                  footprint of MiB (default 64)
//   bench_rtl wrap N               the SystemC TLM top against the bare harness: wall time of
//                                  the same N random requests through both
// Prints its figures and asserts nothing; exits non-zero only when a run had timing violations,
// data mismatches or unanswered requests (printed). Never part of `make test`.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "ctrl/controller_config.h"
#include "dram/dram_preset.h"
#include "backend.h"
#include "stats/run_stats.h"
#include "testbench/systemc_banner.h"
#include "testbench/tlm_top.h"
#include "workloads/microbench.h"

namespace {

using mckit::ctrl::Mapping;
using mckit::dram::DramPreset;
using mckit::sim::CycleHarness;
using mckit::sim::HarnessOptions;
using mckit::stats::RunStats;
using mckit::workloads::RandomParams;
using mckit::workloads::RandomSource;
using mckit::workloads::RequestSource;
using mckit::workloads::SequentialParams;
using mckit::workloads::SequentialSource;

constexpr std::uint64_t kMiB = 1ull << 20;
constexpr std::uint64_t kGiB = 1ull << 30;
constexpr std::uint64_t kSeed = 7;


const DramPreset& preset() {
  static const DramPreset p = mckit::dram::load_preset("ddr4-3200");
  return p;
}

HarnessOptions options(Mapping mapping, bool check_data = true) {
  HarnessOptions o;
  o.controller.scheduler = mckit::ctrl::Scheduler::FrFcfs;
  o.controller.page_policy = mckit::ctrl::PagePolicy::Open;
  o.controller.mapping = mapping;
  o.check_data = check_data;
  return o;
}

RandomParams random_params(std::uint64_t count, std::uint64_t footprint) {
  RandomParams p;
  p.count = count;
  p.seed = kSeed;
  p.footprint = footprint;
  p.burst_bytes = preset().org.bytes_per_burst();
  p.read_fraction = 0.8;
  return p;
}

double peak_rss_mib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return double(u.ru_maxrss) / 1024.0;  // KiB on Linux
}

std::string grouped(std::uint64_t v) {  // 1234567 -> "1 234 567"
  std::string digits = std::to_string(v), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ' ';
    out += digits[i];
  }
  return out;
}

// A benchmark of a run that broke a constraint or lost data measures nothing: print what went
// wrong and stop with a failure.
void require_clean(const RunStats& s) {
  if (s.clean()) return;
  std::printf("    FAILED: %llu violations, %llu data mismatches, %llu unanswered requests\n",
              static_cast<unsigned long long>(s.violations),
              static_cast<unsigned long long>(s.data_mismatches),
              static_cast<unsigned long long>(s.unanswered));
  for (const std::string& m : s.first_violations) std::printf("      %s\n", m.c_str());
  throw std::runtime_error("the run was not clean");
}

RunStats run(RequestSource& source, const HarnessOptions& o) {
  CycleHarness harness(preset(), o);
  RunStats s = harness.run(source);
  require_clean(s);
  return s;
}

void print_bandwidth_line(const char* label, std::uint64_t requests, const RunStats& s,
                          const char* bound) {
  const double tck = s.tck_ns;
  std::printf("  %s\n", label);
  std::printf("    %s requests: %.2f GB/s = %.1f %% of peak  (%s)\n", grouped(requests).c_str(),
              s.bandwidth_gbps(), s.percent_of_peak(), bound);
  std::printf("    read latency mean %.1f ns, p99 %.1f ns; row hits %.1f %%; %llu REF; "
              "%s cycles in %.1f s\n",
              s.read_latency.mean() * tck, double(s.read_latency.percentile(0.99)) * tck,
              100.0 * double(s.row_hits) /
                  double(std::max<std::uint64_t>(1, s.row_hits + s.row_misses + s.row_conflicts)),
              static_cast<unsigned long long>(s.refreshes()), grouped(s.cycles).c_str(),
              s.wall_seconds);
}

int cmd_bandwidth() {
  const DramPreset& p = preset();
  const auto& t = p.timing;
  const int burst = p.org.bytes_per_burst();
  const double refresh_factor = 1.0 - p.refresh_overhead();
  std::printf("== bandwidth: RTL mc_top on %s (1 rank, open page, FR-FCFS, %d B bursts), "
              "peak %.1f GB/s; target (a) >= 90 %% of peak ==\n",
              p.name.c_str(), burst, p.peak_bandwidth_gbps());
  std::printf("  requests offered as fast as the controller takes them: latencies (acceptance "
              "to response) are at saturation, queueing included\n");

  char bound[256];
  {
    const std::uint64_t n = 1'000'000;
    SequentialParams sp;
    sp.count = n;
    sp.burst_bytes = burst;
    SequentialSource src(sp);
    const RunStats s = run(src, options(Mapping::RoBaRaCoBgCh));
    std::snprintf(bound, sizeof bound,
                  "target >= 90 %%; refresh bound 1 - tRFC/tREFI = 1 - %d/%d = %.1f %%", t.tRFC,
                  t.tREFI, 100.0 * refresh_factor);
    print_bandwidth_line("(a) sequential reads, ro-ba-ra-co-bg-ch (bank-group interleaved)", n, s,
                         bound);
  }
  {
    const std::uint64_t n = 500'000;
    SequentialParams sp;
    sp.count = n;
    sp.burst_bytes = burst;
    SequentialSource src(sp);
    const RunStats s = run(src, options(Mapping::RoBaRaCoCh));
    const double b = double(t.tBL) / t.tCCD_L;
    // Bank bits sit below the bank-group bits: the stream moves to the next group only after
    // banks_per_group rows, where the queue briefly holds requests for two groups.
    const std::uint64_t group_bytes = std::uint64_t(p.org.banks_per_group) *
                                      std::uint64_t(p.org.columns / p.org.burst_length) *
                                      std::uint64_t(burst);
    std::snprintf(bound, sizeof bound,
                  "bound tBL/tCCD_L = %d/%d = %.1f %% (x refresh %.1f %%) while in one bank "
                  "group; it changes group every %llu KiB, where two groups overlap briefly",
                  t.tBL, t.tCCD_L, 100.0 * b, 100.0 * b * refresh_factor,
                  static_cast<unsigned long long>(group_bytes / 1024));
    print_bandwidth_line("(b) sequential reads, ro-ba-ra-co-ch (classic)", n, s, bound);
  }
  {
    const std::uint64_t n = 1'000'000;
    RandomSource src(random_params(n, 4 * kGiB));
    const RunStats s = run(src, options(Mapping::RoBaRaCoBgCh));
    const double b = 4.0 * t.tBL / t.tFAW;
    std::snprintf(bound, sizeof bound,
                  "bound 4 bursts x tBL per tFAW = %d/%d = %.1f %%, x refresh = %.1f %%",
                  4 * t.tBL, t.tFAW, 100.0 * b, 100.0 * b * refresh_factor);
    print_bandwidth_line("(c) random, 80 % reads, over 4 GiB, ro-ba-ra-co-bg-ch", n, s, bound);
  }
  return 0;
}

void print_speed_line(const char* label, const RunStats& s) {
  std::printf("  %-34s %11s cycles in %6.2f s: %5.2f M cycles/s, %6.0f k requests/s\n", label,
              grouped(s.cycles).c_str(), s.wall_seconds, double(s.cycles) / s.wall_seconds / 1e6,
              double(s.requests()) / s.wall_seconds / 1e3);
}

int cmd_speed(std::uint64_t n, std::uint64_t wave_n) {
  std::printf("== speed: RTL harness wall-clock speed, %s random requests (80 %% reads, 4 GiB, "
              "%s); target >= 2 000 000 cycles/s ==\n",
              grouped(n).c_str(), preset().name.c_str());
  {
    RandomSource src(random_params(n, 4 * kGiB));
    print_speed_line("data checking on,  waves off:", run(src, options(Mapping::RoBaRaCoBgCh)));
  }
  {
    RandomSource src(random_params(n, 4 * kGiB));
    print_speed_line("data checking off, waves off:",
                     run(src, options(Mapping::RoBaRaCoBgCh, false)));
  }
  if (wave_n > 0) {
    const char* tmp = std::getenv("TMPDIR");
    const std::filesystem::path path = std::filesystem::path(tmp && *tmp ? tmp : "/tmp") /
                                       ("bench_rtl_" + std::to_string(getpid()) + ".fst");
    HarnessOptions o = options(Mapping::RoBaRaCoBgCh);
    o.waves = mckit::sim::WaveOptions{path.string()};
    RandomSource src(random_params(wave_n, 4 * kGiB));
    RunStats s;
    try {
      s = run(src, o);
    } catch (...) {
      std::filesystem::remove(path);
      throw;
    }
    std::error_code ec;
    const std::uintmax_t bytes = std::filesystem::file_size(path, ec);
    std::filesystem::remove(path, ec);
    char label[64];
    std::snprintf(label, sizeof label, "data checking on,  waves on (FST):");
    print_speed_line(label, s);
    std::printf("    waves: %s requests, %.1f MiB of FST (%.1f bytes/cycle), file deleted\n",
                grouped(wave_n).c_str(), double(bytes) / double(kMiB),
                double(bytes) / double(std::max<std::uint64_t>(1, s.cycles)));
  }
  return 0;
}

int cmd_memory(std::uint64_t n, std::uint64_t footprint_mib) {
  const std::uint64_t footprint = footprint_mib * kMiB;
  const int burst = preset().org.bytes_per_burst();
  const double bursts_max = double(footprint / std::uint64_t(burst));
  std::printf("== memory: peak RSS after %s random requests (80 %% reads) over %s MiB, %s; "
              "target: bounded by the footprint, not by the request count ==\n",
              grouped(n).c_str(), grouped(footprint_mib).c_str(), preset().name.c_str());
  RandomSource src(random_params(n, footprint));
  CycleHarness harness(preset(), options(Mapping::RoBaRaCoBgCh));
  const double rss_before = peak_rss_mib();
  const RunStats s = harness.run(src);
  require_clean(s);
  const double rss = peak_rss_mib();
  const std::size_t stored = harness.device().store().bursts_stored();
  // Writes land on uniformly random bursts: W writes over F bursts touch F (1 - e^(-W/F)).
  const double expected = bursts_max * (1.0 - std::exp(-double(s.writes) / bursts_max));
  std::printf("  peak RSS %.1f MiB (%.1f MiB before the run; growth / stored bursts = %.0f B: "
              "store + shadow memory)\n",
              rss, rss_before,
              stored ? (rss - rss_before) * double(kMiB) / double(stored) : 0.0);
  std::printf("  %s bursts stored = %.1f MiB of data = %.1f %% of the footprint's %s bursts "
              "(expected %s distinct for %s writes)\n",
              grouped(stored).c_str(), double(stored) * burst / double(kMiB),
              100.0 * double(stored) / bursts_max, grouped(std::uint64_t(bursts_max)).c_str(),
              grouped(std::uint64_t(std::llround(expected))).c_str(), grouped(s.writes).c_str());
  std::printf("  the device store (and the harness's shadow memory) grows only with distinct "
              "bursts written, so it is bounded by footprint / %d B, whatever the request count\n",
              burst);
  std::printf("  %s cycles in %.1f s\n", grouped(s.cycles).c_str(), s.wall_seconds);
  return 0;
}

int cmd_wrap(std::uint64_t n) {
  std::printf("== wrap: the SystemC TLM-2.0 wrapping (initiator, target, payloads, quantum) "
              "against the bare harness, RTL backend, %s random requests (80 %% reads, 4 GiB, "
              "%s); target <= 20 %% ==\n",
              grouped(n).c_str(), preset().name.c_str());
  const HarnessOptions o = options(Mapping::RoBaRaCoBgCh);
  RandomSource bare_source(random_params(n, 4 * kGiB));
  const RunStats bare = run(bare_source, o);
  print_speed_line("bare harness (C++ loop):", bare);
  RandomSource tlm_source(random_params(n, 4 * kGiB));
  const RunStats tlm = mckit::testbench::run_tlm(preset(), mckit::sim::make_core(preset(), o),
                                                 tlm_source, mckit::testbench::TlmRunOptions{});
  require_clean(tlm);
  print_speed_line("SystemC top (TLM initiator/target):", tlm);
  if (tlm.cycles != bare.cycles || tlm.commands != bare.commands)
    throw std::runtime_error("the SystemC run differs from the bare harness's");
  std::printf("  same %s cycles and commands; the wrapping costs %+.1f %% of wall time\n",
              grouped(tlm.cycles).c_str(), 100.0 * (tlm.wall_seconds / bare.wall_seconds - 1.0));
  return 0;
}

int usage() {
  std::fprintf(stderr,
               "usage: bench_rtl bandwidth\n"
               "       bench_rtl speed N [WAVE_REQUESTS]\n"
               "       bench_rtl memory N [FOOTPRINT_MIB]\n"
               "       bench_rtl wrap N\n");
  return 2;
}

std::uint64_t number(const char* s) { return std::strtoull(s, nullptr, 10); }

}  // namespace

// SystemC's own main() calls sc_main: the TLM simulation needs its kernel set up.
extern "C" int sc_main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  if (argc < 2) return usage();
  const std::string cmd = argv[1];
  try {
    int rc;
    if (argc >= 3 && number(argv[2]) == 0) return usage();
    if (cmd == "memory" && argc == 4 &&
        (number(argv[3]) == 0 || number(argv[3]) * kMiB > preset().capacity_bytes()))
      return usage();
    if (cmd == "bandwidth" && argc == 2) {
      rc = cmd_bandwidth();
    } else if (cmd == "speed" && (argc == 3 || argc == 4)) {
      const std::uint64_t n = number(argv[2]);
      rc = cmd_speed(n, argc == 4 ? number(argv[3]) : std::min<std::uint64_t>(n, 100'000));
    } else if (cmd == "wrap" && argc == 3) {
      rc = cmd_wrap(number(argv[2]));
    } else if (cmd == "memory" && (argc == 3 || argc == 4)) {
      rc = cmd_memory(number(argv[2]), argc == 4 ? number(argv[3]) : 64);
    } else {
      return usage();
    }
    return rc;
  } catch (const std::exception& e) {
    std::printf("bench_rtl %s: FAILED: %s\n", cmd.c_str(), e.what());
    return 1;
  }
}
