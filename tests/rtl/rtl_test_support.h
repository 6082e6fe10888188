// Shared by the controller suites: the two backends as a test parameter, a fixed request
// list, burst addresses under the default mapping, the controller's pipeline depth, and one
// random-traffic run that checks everything that must hold for any traffic.
#pragma once

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <ostream>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "common/request.h"
#include "ctrl/controller_config.h"
#include "dram/dram_preset.h"
#include "backend.h"
#include "stats/run_stats.h"
#include "workloads/microbench.h"
#include "workloads/request_source.h"

// How gtest prints these parameters (found by argument-dependent lookup): by name.
namespace mckit::sim {
inline void PrintTo(Backend b, std::ostream* os) { *os << name_of(b); }
}  // namespace mckit::sim
namespace mckit::ctrl {
inline void PrintTo(Scheduler s, std::ostream* os) { *os << name_of(s); }
inline void PrintTo(PagePolicy p, std::ostream* os) { *os << name_of(p); }
inline void PrintTo(PrefetcherKind k, std::ostream* os) { *os << name_of(k); }
}  // namespace mckit::ctrl

namespace mckit::test {

// ---- Both backends ------------------------------------------------------------------------
// The suites whose expectations hold for the controller as such (not for the Verilated model
// in particular) run on both backends: the RTL (mc_top) and the C++ reference controller,
// which mirrors it cycle for cycle. Parameterized over sim::Backend, a test is named
// .../rtl or .../tlm.
inline const std::vector<sim::Backend> kBackends = {sim::Backend::Rtl, sim::Backend::Tlm};

inline std::string backend_test_name(const ::testing::TestParamInfo<sim::Backend>& info) {
  return sim::name_of(info.param);
}

// A parameter name for gtest: '-' becomes '_'.
inline std::string test_name_of(std::string name) {
  for (char& c : name)
    if (c == '-') c = '_';
  return name;
}

// The controller's fixed pipeline depth P: the cycles a read spends in mc_top beyond the
// DRAM's own tRP / tRCD / tCL + tBL. From the RTL (rtl/mc_top.sv) and measured in
// test_rtl_latency.cpp:
//   cycle A     the request handshake (req_valid_i && req_ready_o): it enters the front-end
//               register fe_*_q;
//   cycle A+1   the front end checks it against the queues and files it (valid_q);
//   cycle A+2   the queue offers it and the scheduler decides its first command;   (+2)
//   cycle A+3   that command is on the registered DFI bus (dfi_cmd_o), which is the cycle
//               the device sees it;                                                  (+1)
//   RD + tCL + tBL   the last beat is back: dfi_rddata_valid_i, pushed into the response
//               FIFO, whose registered output (rsp_valid_o) shows it one cycle later. (+1)
inline constexpr std::uint64_t kAcceptToDecision = 2;  // front-end register + queue filing
inline constexpr std::uint64_t kDecisionToBus = 1;     // registered command bus
inline constexpr std::uint64_t kDataToResponse = 1;    // registered response FIFO
inline constexpr std::uint64_t kAcceptToBus = kAcceptToDecision + kDecisionToBus;
inline constexpr std::uint64_t kPipelineDepth = kAcceptToBus + kDataToResponse;
static_assert(kAcceptToBus == 3, "handshake to command bus");
static_assert(kPipelineDepth == 4, "P");

// Plays a fixed list of requests.
class VectorSource : public workloads::RequestSource {
 public:
  explicit VectorSource(std::vector<Request> requests) : requests_(std::move(requests)) {}
  bool next(Request& out) override {
    if (next_ == requests_.size()) return false;
    out = requests_[next_++];
    return true;
  }

 private:
  std::vector<Request> requests_;
  std::size_t next_ = 0;
};

// Byte address of a burst under the default mapping ro-ba-ra-co-bg-ch (from the least
// significant bit: bank group, column burst, rank, bank, row), as rtl/mc_addr_map.sv does it.
inline std::uint64_t address_of(const dram::DramPreset& p, std::uint32_t bg, std::uint32_t bank,
                                std::uint32_t row, std::uint32_t col_burst,
                                std::uint32_t rank = 0) {
  auto bits = [](int v) {
    int b = 0;
    while ((1 << b) < v) ++b;
    return b;
  };
  const int bg_bits = bits(p.org.bank_groups);
  const int col_bits = bits(p.org.columns / p.org.burst_length);
  const int rank_bits = bits(p.org.ranks);
  const int bank_bits = bits(p.org.banks_per_group);
  std::uint64_t a = bg;
  a |= std::uint64_t(col_burst) << bg_bits;
  a |= std::uint64_t(rank) << (bg_bits + col_bits);
  a |= std::uint64_t(bank) << (bg_bits + col_bits + rank_bits);
  a |= std::uint64_t(row) << (bg_bits + col_bits + rank_bits + bank_bits);
  return a * std::uint64_t(p.org.bytes_per_burst());
}

inline Request read_at(std::uint64_t addr) {
  Request r;
  r.addr = addr;
  return r;
}

// A read-heavy stream with a trickle of writes: `count` requests at random bursts of the
// device (seeded), of which request k is a write when k % write_every == write_every / 2,
// at most `max_writes` of them. Offered as fast as the controller takes them, the reads keep
// the read queue from ever running empty; with fewer writes than the write queue's high
// watermark, no write drain comes either, so only the age cap serves the writes.
class TrickleSource : public workloads::RequestSource {
 public:
  TrickleSource(const dram::DramPreset& p, std::uint64_t count, std::uint64_t write_every,
                std::uint64_t max_writes, std::uint64_t seed)
      : bursts_(p.capacity_bytes() / std::uint64_t(p.org.bytes_per_burst())),
        burst_bytes_(p.org.bytes_per_burst()),
        count_(count),
        write_every_(write_every),
        max_writes_(max_writes),
        seed_(seed),
        rng_(seed) {}
  bool next(Request& out) override {
    if (issued_ == count_) return false;
    out = Request{};
    out.addr = std::uniform_int_distribution<std::uint64_t>(0, bursts_ - 1)(rng_) *
               std::uint64_t(burst_bytes_);
    out.write = writes_ < max_writes_ && issued_ % write_every_ == write_every_ / 2;
    if (out.write) {
      workloads::fill_pattern(out, seed_, issued_, burst_bytes_);
      ++writes_;
    }
    ++issued_;
    return true;
  }

 private:
  const std::uint64_t bursts_;
  const int burst_bytes_;
  const std::uint64_t count_, write_every_, max_writes_, seed_;
  std::mt19937_64 rng_;
  std::uint64_t issued_ = 0, writes_ = 0;
};

// Runs `source` on `h` up to cycle `from`, then on a cycle at a time to the first cycle at
// which a read's data are still on their way (`last_read`: the cycle of the last RD or RDA
// issued), and returns that cycle: a reset there drops a read in flight.
inline std::uint64_t run_until_read_in_flight(testbench::Harness& h,
                                              workloads::RequestSource& source,
                                              std::uint64_t from, const dram::Timing& t,
                                              const std::function<std::uint64_t()>& last_read) {
  const std::uint64_t latency = std::uint64_t(t.tCL + t.tBL);
  std::uint64_t at = from;
  for (h.run_until(source, at); last_read() + latency < at; h.run_until(source, ++at)) {
  }
  return at;
}

// ---- Random traffic ----------------------------------------------------------------------

// A small footprint: addresses repeat often, so the front end's hazard paths (forwarding a
// queued write's data to a read) are exercised.
inline constexpr std::uint64_t kSmallFootprint = 1ull << 20;  // 1 MiB

inline std::uint64_t count_of(const stats::RunStats& s, dram::Command c) {
  return s.commands[std::size_t(c)];
}

// The traffic of one random run: `count` requests over [0, footprint).
struct RandomTraffic {
  std::uint64_t count = 0;
  std::uint64_t footprint = 0;
  std::uint64_t seed = 0;
  double read_fraction = 0.7;
  int max_run = 8;
  double partial_write_fraction = 0.1;
  // Offered in groups of `group` requests, one group every `group_cycles` cycles, so that the
  // queues also run short (0: as fast as the controller takes them).
  std::uint64_t group = 0, group_cycles = 0;
};

// How the refresh count is checked.
enum class RefreshCheck {
  LongRunsOnly,  // the lower bound, if refresh is on and the run lasts over 10 tREFI
  Always,        // the lower bound, and no more than refresh_postpone refreshes ever owed
};

// The checks beyond those every run gets (no violation, no data mismatch, every request
// answered, command counts add up). The defaults are test_rtl_random's.
struct RandomChecks {
  bool trace_controller = true;  // name the scheduler and page policy in the trace
  bool latency_per_read = true;  // one latency sample per read
  bool page_policy = true;       // RDA/WRA only under the closed policy, RD/WR only otherwise
  bool forwarding = true;        // over kSmallFootprint, some reads answered from the queue
  RefreshCheck refresh = RefreshCheck::LongRunsOnly;
};

// Runs random traffic through the controller (the backend given), checks everything that
// must hold for any traffic and returns what it measured.
inline stats::RunStats run_random_and_check(const dram::DramPreset& preset,
                                 const ctrl::ControllerConfig& config,
                                 const RandomTraffic& traffic, const RandomChecks& checks = {},
                                 sim::Backend backend = sim::Backend::Rtl) {
  SCOPED_TRACE(sim::name_of(backend) + " backend, " + preset.name +
               (checks.trace_controller ? ", " + ctrl::name_of(config.scheduler) + ", " +
                                              ctrl::name_of(config.page_policy)
                                        : std::string()) +
               ", footprint " + std::to_string(traffic.footprint) + ", seed " +
               std::to_string(traffic.seed));
  sim::HarnessOptions options;
  options.backend = backend;
  options.controller = config;
  sim::CycleHarness h(preset, options);
  workloads::RandomParams rp;
  rp.count = traffic.count;
  rp.seed = traffic.seed;
  rp.footprint = traffic.footprint;
  rp.burst_bytes = preset.org.bytes_per_burst();
  rp.read_fraction = traffic.read_fraction;
  rp.max_run = traffic.max_run;
  rp.partial_write_fraction = traffic.partial_write_fraction;
  workloads::RandomSource source(rp);
  if (traffic.group)
    h.set_request_gate([g = traffic.group, c = traffic.group_cycles](std::uint64_t cycle,
                                                                     std::uint64_t seq) {
      return cycle >= seq / g * c;
    });
  const stats::RunStats s = h.run(source);

  EXPECT_EQ(s.violations, 0u);
  for (const auto& v : s.first_violations) ADD_FAILURE() << v;
  EXPECT_EQ(s.data_mismatches, 0u);
  EXPECT_EQ(s.unanswered, 0u);
  EXPECT_EQ(s.reads + s.writes, traffic.count);
  if (checks.latency_per_read) {
    EXPECT_EQ(s.read_latency.count(), s.reads);
  }
  // Every write reaches the device as one WR/WRA; every read not answered from a queued
  // write or a prefetch as one RD/RDA, beside the prefetches' own; each demand column
  // command is a hit, a miss or a conflict.
  const std::uint64_t rd = count_of(s, dram::Command::RD) + count_of(s, dram::Command::RDA);
  const std::uint64_t wr = count_of(s, dram::Command::WR) + count_of(s, dram::Command::WRA);
  const std::uint64_t demand_rd = s.prefetch.demand_dram_reads;
  EXPECT_EQ(wr, s.writes);
  EXPECT_EQ(rd, demand_rd + s.prefetch.issued);
  EXPECT_EQ(demand_rd + s.forwarded_reads + s.prefetch.useful, s.reads);
  EXPECT_EQ(s.row_hits + s.row_misses + s.row_conflicts, demand_rd + wr);
  if (checks.page_policy) {
    if (config.page_policy == ctrl::PagePolicy::Closed) {
      // Every access closes its row. (A "hit" is still possible: a request served on a row
      // that another queued request's ACT opened.)
      EXPECT_EQ(count_of(s, dram::Command::RD) + count_of(s, dram::Command::WR), 0u);
    } else {
      EXPECT_EQ(count_of(s, dram::Command::RDA) + count_of(s, dram::Command::WRA), 0u);
    }
  }
  if (checks.refresh == RefreshCheck::Always) {
    EXPECT_LE(s.max_refresh_owed, std::uint64_t(config.refresh_postpone));
  }
  // A run lasting more than a few refresh intervals refreshes.
  if (checks.refresh == RefreshCheck::Always ||
      (config.refresh && s.cycles > 10 * std::uint64_t(preset.timing.tREFI))) {
    EXPECT_GE(s.refreshes(), s.cycles / preset.timing.tREFI -
                                 std::uint64_t(config.refresh_postpone) - 1);
  }
  if (checks.forwarding && traffic.footprint == kSmallFootprint) {
    EXPECT_GT(s.forwarded_reads, 0u);  // the front end's hazard paths were exercised
  }
  return s;
}

}  // namespace mckit::test
