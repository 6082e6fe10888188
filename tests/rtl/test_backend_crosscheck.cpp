// The two controller backends side by side: the Verilated mc_top ("rtl") and the C++
// reference controller ("tlm") run the same seeded workloads under the same policy. As the
// spec asks, the command counts per kind are equal and bandwidth and mean read latency agree
// within 2 %; beyond that, since the C++ model mirrors the RTL cycle for cycle, every command
// (cycle, kind, rank, bank group, bank, row, column, request id) and every completion cycle
// must be identical. When the streams differ, the failure names the first differing command,
// both sides as text, with a few commands of context.
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "backend.h"
#include "ctrl/controller_config.h"
#include "dram/dram_command.h"
#include "dram/dram_preset.h"
#include "rtl_test_support.h"
#include "stats/run_stats.h"
#include "workloads/microbench.h"
#include "workloads/request_source.h"
#include "workloads/workload_registry.h"

namespace mckit {
namespace {

using test::VectorSource;

// ---- What one run leaves behind ----------------------------------------------------------

// A completion without its data pointer (which points into the memory system).
struct CompletionRecord {
  std::uint64_t tag = 0;
  bool write = false;
  std::uint64_t accept_cycle = 0;
  std::uint64_t done_cycle = 0;
  bool forwarded = false;
};

struct Recorded {
  std::vector<Request> requests;  // as the workload gave them: completion tag = index
  std::vector<ctrl::IssuedCommand> commands;
  std::vector<CompletionRecord> completions;  // in the order they happened
  std::map<std::uint64_t, std::vector<std::uint8_t>> read_data;  // by tag
  ctrl::ResetReport dropped;  // by the reset, if any
  stats::RunStats stats;
};

// Passes a workload's requests on and keeps a copy.
class RecordingSource : public workloads::RequestSource {
 public:
  RecordingSource(workloads::RequestSource& inner, std::vector<Request>& log)
      : inner_(inner), log_(log) {}
  bool next(Request& out) override {
    if (!inner_.next(out)) return false;
    log_.push_back(out);
    return true;
  }

 private:
  workloads::RequestSource& inner_;
  std::vector<Request>& log_;
};

using SourceFactory = std::function<std::unique_ptr<workloads::RequestSource>()>;
using Gate = std::function<bool(std::uint64_t cycle, std::uint64_t sequence)>;

// What a run may add to its workload: a closed loop, response back-pressure, and a reset in
// the middle (at the first cycle from reset_at on at which a read's data are still on their
// way) after which a second workload runs.
struct Extras {
  // A closed loop: request k is offered once all but max_outstanding - 1 of the requests
  // before it have completed (as `mckit run --outstanding`); 0: as fast as taken.
  std::uint64_t max_outstanding = 0;
  std::function<bool(std::uint64_t cycle)> ready;  // the requester takes a response
  std::uint64_t reset_at = 0;                      // 0: no reset
  SourceFactory after_reset;
};

Recorded run_backend(sim::Backend backend, const dram::DramPreset& preset,
                     const ctrl::ControllerConfig& config, const SourceFactory& make_source,
                     const Gate& gate = {}, const Extras& extras = {}) {
  sim::HarnessOptions options;
  options.backend = backend;
  options.controller = config;
  sim::CycleHarness h(preset, options);
  Recorded r;
  const int burst_bytes = h.burst_bytes();
  h.on_command = [&r](const ctrl::IssuedCommand& c) { r.commands.push_back(c); };
  h.on_completion = [&r, burst_bytes](const ctrl::Completion& c) {
    r.completions.push_back({c.tag, c.write, c.accept_cycle, c.done_cycle, c.forwarded});
    if (!c.write) r.read_data[c.tag].assign(c.data, c.data + burst_bytes);
  };
  if (gate) h.set_request_gate(gate);
  if (const std::uint64_t max = extras.max_outstanding)
    h.set_request_gate([&r, max](std::uint64_t, std::uint64_t sequence) {
      return sequence < r.completions.size() + max;
    });
  if (extras.ready) h.set_response_ready(extras.ready);
  const std::unique_ptr<workloads::RequestSource> source = make_source();
  RecordingSource recording(*source, r.requests);
  if (extras.reset_at) {
    test::run_until_read_in_flight(h, recording, extras.reset_at, preset.timing, [&r] {
      for (auto c = r.commands.rbegin(); c != r.commands.rend(); ++c)
        if (dram::is_read(c->command.cmd)) return c->command.cycle;
      return std::uint64_t(0);
    });
    r.dropped = h.reset();
    const std::unique_ptr<workloads::RequestSource> after = extras.after_reset();
    RecordingSource after_recording(*after, r.requests);
    r.stats = h.run(after_recording);
  } else {
    r.stats = h.run(recording);
  }
  return r;
}

// ---- The comparison ----------------------------------------------------------------------

std::string describe_issued(const ctrl::IssuedCommand& c) {
  return "cycle " + std::to_string(c.command.cycle) + ": " + dram::describe(c.command) +
         (c.prefetch ? ", prefetch slot " : ", request ") + std::to_string(c.request_id);
}

bool same_command(const ctrl::IssuedCommand& a, const ctrl::IssuedCommand& b) {
  const dram::DramCommand &x = a.command, &y = b.command;
  return x.cycle == y.cycle && x.cmd == y.cmd && x.rank == y.rank &&
         x.bank_group == y.bank_group && x.bank == y.bank && x.row == y.row &&
         x.column == y.column && a.request_id == b.request_id && a.prefetch == b.prefetch;
}

// Empty when the two streams are identical; otherwise a message naming the first differing
// command (its index and both sides), the `context` commands before it (which both sides
// share) and the `context` commands after it on each side.
std::string command_stream_difference(const std::vector<ctrl::IssuedCommand>& rtl,
                                      const std::vector<ctrl::IssuedCommand>& tlm,
                                      std::size_t context = 3) {
  const std::size_t common = std::min(rtl.size(), tlm.size());
  std::size_t i = 0;
  while (i < common && same_command(rtl[i], tlm[i])) ++i;
  if (i == common && rtl.size() == tlm.size()) return {};

  std::ostringstream out;
  auto side = [&](const char* name, const std::vector<ctrl::IssuedCommand>& s) {
    out << "  " << name << ": ";
    if (i < s.size()) out << describe_issued(s[i]);
    else out << "(no command: the stream ended after " << s.size() << " commands)";
    out << "\n";
  };
  out << "command streams differ at command #" << i << " (rtl issued " << rtl.size()
      << " commands, tlm " << tlm.size() << ")\n";
  side("rtl", rtl);
  side("tlm", tlm);
  out << "before it, on both sides:\n";
  if (i == 0) out << "  (nothing: it is the first command)\n";
  for (std::size_t k = i > context ? i - context : 0; k < i; ++k)
    out << "  #" << k << " " << describe_issued(rtl[k]) << "\n";
  auto after = [&](const char* name, const std::vector<ctrl::IssuedCommand>& s) {
    out << "after it, " << name << ":\n";
    const std::size_t end = std::min(s.size(), i + 1 + context);
    if (i + 1 >= end) out << "  (nothing)\n";
    for (std::size_t k = i + 1; k < end; ++k)
      out << "  #" << k << " " << describe_issued(s[k]) << "\n";
  };
  after("rtl", rtl);
  after("tlm", tlm);
  return out.str();
}

std::string describe_completion(const CompletionRecord& c) {
  return std::string(c.write ? "write" : "read") + " request " + std::to_string(c.tag) +
         ": accepted in cycle " + std::to_string(c.accept_cycle) + ", done in cycle " +
         std::to_string(c.done_cycle) + (c.forwarded ? " (forwarded)" : "");
}

bool same_completion(const CompletionRecord& a, const CompletionRecord& b) {
  return a.tag == b.tag && a.write == b.write && a.accept_cycle == b.accept_cycle &&
         a.done_cycle == b.done_cycle && a.forwarded == b.forwarded;
}

// Empty when every request completed in the same cycle, in the same order, on both sides.
std::string completion_difference(const std::vector<CompletionRecord>& rtl,
                                  const std::vector<CompletionRecord>& tlm) {
  const std::size_t common = std::min(rtl.size(), tlm.size());
  std::size_t i = 0;
  while (i < common && same_completion(rtl[i], tlm[i])) ++i;
  if (i == common && rtl.size() == tlm.size()) return {};
  std::ostringstream out;
  out << "completions differ at completion #" << i << " (rtl " << rtl.size() << ", tlm "
      << tlm.size() << ")\n";
  out << "  rtl: " << (i < rtl.size() ? describe_completion(rtl[i]) : "(none)") << "\n";
  out << "  tlm: " << (i < tlm.size() ? describe_completion(tlm[i]) : "(none)") << "\n";
  // Where the other side has the request each side completed there.
  auto elsewhere = [&](const char* name, const std::vector<CompletionRecord>& mine,
                       const char* other_name, const std::vector<CompletionRecord>& other) {
    if (i >= mine.size()) return;
    for (std::size_t k = 0; k < other.size(); ++k) {
      if (other[k].tag != mine[i].tag) continue;
      out << "  " << name << "'s request " << mine[i].tag << " is " << other_name
          << "'s completion #" << k << ": " << describe_completion(other[k]) << "\n";
      return;
    }
    out << "  " << name << "'s request " << mine[i].tag << " never completes in " << other_name
        << "\n";
  };
  elsewhere("rtl", rtl, "tlm", tlm);
  elsewhere("tlm", tlm, "rtl", rtl);
  return out.str();
}

std::string fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

// |a - b| within `fraction` of the larger of the two.
bool within(double a, double b, double fraction) {
  return std::fabs(a - b) <= fraction * std::max(std::fabs(a), std::fabs(b));
}

// Each run is clean by itself: two broken runs that break alike prove nothing.
void expect_clean(const Recorded& rtl, const Recorded& tlm) {
  for (const auto* r : {&rtl, &tlm}) {
    SCOPED_TRACE(r == &rtl ? "rtl" : "tlm");
    EXPECT_EQ(r->stats.violations, 0u);
    for (const auto& v : r->stats.first_violations) ADD_FAILURE() << v;
    EXPECT_EQ(r->stats.data_mismatches, 0u);
    EXPECT_EQ(r->stats.unanswered, 0u);
  }
}

// What the spec asks of the two backends: the same command counts per kind, bandwidth and
// mean read latency within 2 % of each other.
void expect_summary_agrees(const stats::RunStats& rtl, const stats::RunStats& tlm) {
  for (int k = 0; k < dram::kCommandCount; ++k) {
    EXPECT_EQ(rtl.commands[std::size_t(k)], tlm.commands[std::size_t(k)])
        << dram::command_name(static_cast<dram::Command>(k)) << " commands, rtl against tlm";
  }
  EXPECT_TRUE(within(rtl.bandwidth_gbps(), tlm.bandwidth_gbps(), 0.02))
      << "bandwidth: rtl " << fixed(rtl.bandwidth_gbps()) << " GB/s, tlm "
      << fixed(tlm.bandwidth_gbps()) << " GB/s, more than 2 % apart";
  EXPECT_TRUE(within(rtl.read_latency.mean(), tlm.read_latency.mean(), 0.02))
      << "mean read latency: rtl " << fixed(rtl.read_latency.mean()) << " cycles, tlm "
      << fixed(tlm.read_latency.mean()) << " cycles, more than 2 % apart";
}

// What the mirror promises beyond that: the same commands in the same cycles, every request
// completed in the same cycle, hence the same statistics.
void expect_identical(const Recorded& rtl, const Recorded& tlm) {
  const std::string commands = command_stream_difference(rtl.commands, tlm.commands);
  EXPECT_TRUE(commands.empty()) << commands;
  const std::string completions = completion_difference(rtl.completions, tlm.completions);
  EXPECT_TRUE(completions.empty()) << completions;
  EXPECT_EQ(rtl.stats.cycles, tlm.stats.cycles);
  EXPECT_EQ(rtl.stats.forwarded_reads, tlm.stats.forwarded_reads);
  EXPECT_EQ(rtl.stats.row_hits, tlm.stats.row_hits);
  EXPECT_EQ(rtl.stats.row_misses, tlm.stats.row_misses);
  EXPECT_EQ(rtl.stats.row_conflicts, tlm.stats.row_conflicts);
  EXPECT_EQ(rtl.stats.refreshes_postponed, tlm.stats.refreshes_postponed);
  EXPECT_EQ(rtl.stats.max_refresh_owed, tlm.stats.max_refresh_owed);
  const stats::PrefetchStats &a = rtl.stats.prefetch, &b = tlm.stats.prefetch;
  EXPECT_EQ(a.issued, b.issued);
  EXPECT_EQ(a.useful, b.useful);
  EXPECT_EQ(a.late, b.late);
  EXPECT_EQ(a.evicted_unused, b.evicted_unused);
  EXPECT_EQ(a.activates, b.activates);
}

void expect_same(const Recorded& rtl, const Recorded& tlm) {
  expect_clean(rtl, tlm);
  expect_summary_agrees(rtl.stats, tlm.stats);
  expect_identical(rtl, tlm);
}

// ---- The comparator itself ---------------------------------------------------------------

ctrl::IssuedCommand issued(std::uint64_t cycle, dram::Command cmd, std::uint32_t bg,
                           std::uint32_t bank, std::uint32_t row, std::uint32_t col,
                           std::uint32_t id) {
  ctrl::IssuedCommand c;
  c.command.cycle = cycle;
  c.command.cmd = cmd;
  c.command.bank_group = bg;
  c.command.bank = bank;
  c.command.row = dram::is_column(cmd) || cmd == dram::Command::ACT ? row : 0;
  c.command.column = dram::is_column(cmd) ? col : 0;
  c.request_id = id;
  return c;
}

std::vector<ctrl::IssuedCommand> a_stream() {
  using dram::Command;
  return {issued(103, Command::ACT, 0, 0, 10, 0, 1),  issued(107, Command::ACT, 1, 0, 10, 0, 2),
          issued(125, Command::RD, 0, 0, 10, 0, 1),   issued(129, Command::RD, 1, 0, 10, 8, 2),
          issued(133, Command::RD, 0, 0, 10, 16, 3),  issued(155, Command::PRE, 0, 0, 0, 0, 4),
          issued(177, Command::ACT, 0, 0, 20, 0, 4),  issued(199, Command::RD, 0, 0, 20, 0, 4),
          issued(203, Command::WR, 1, 0, 10, 24, 5)};
}

TEST(BackendCrosscheckComparator, IdenticalStreamsGiveNoMessage) {
  EXPECT_EQ(command_stream_difference(a_stream(), a_stream()), "");
  EXPECT_EQ(command_stream_difference({}, {}), "");
}

TEST(BackendCrosscheckComparator, NamesTheFirstDifferingCommandWithBothSidesAndContext) {
  const std::vector<ctrl::IssuedCommand> rtl = a_stream();
  std::vector<ctrl::IssuedCommand> tlm = a_stream();
  tlm[5].command.cycle = 156;  // the PRE one cycle later, and the ACT after it
  tlm[6].command.cycle = 178;
  tlm[8].command.column = 32;  // a later difference: shown as context, not reported
  EXPECT_EQ(command_stream_difference(rtl, tlm),
            "command streams differ at command #5 (rtl issued 9 commands, tlm 9)\n"
            "  rtl: cycle 155: PRE r0 bg0 b0, request 4\n"
            "  tlm: cycle 156: PRE r0 bg0 b0, request 4\n"
            "before it, on both sides:\n"
            "  #2 cycle 125: RD r0 bg0 b0 row 10 col 0, request 1\n"
            "  #3 cycle 129: RD r0 bg1 b0 row 10 col 8, request 2\n"
            "  #4 cycle 133: RD r0 bg0 b0 row 10 col 16, request 3\n"
            "after it, rtl:\n"
            "  #6 cycle 177: ACT r0 bg0 b0 row 20, request 4\n"
            "  #7 cycle 199: RD r0 bg0 b0 row 20 col 0, request 4\n"
            "  #8 cycle 203: WR r0 bg1 b0 row 10 col 24, request 5\n"
            "after it, tlm:\n"
            "  #6 cycle 178: ACT r0 bg0 b0 row 20, request 4\n"
            "  #7 cycle 199: RD r0 bg0 b0 row 20 col 0, request 4\n"
            "  #8 cycle 203: WR r0 bg1 b0 row 10 col 32, request 5\n");
  // The context asked for, no more.
  const std::string one = command_stream_difference(rtl, tlm, 1);
  EXPECT_EQ(one.find("#3 "), std::string::npos) << one;
  EXPECT_NE(one.find("  #4 cycle 133: RD r0 bg0 b0 row 10 col 16, request 3\n"), std::string::npos)
      << one;
  EXPECT_EQ(one.find("#7 "), std::string::npos) << one;
}

TEST(BackendCrosscheckComparator, EveryFieldCounts) {
  const std::vector<ctrl::IssuedCommand> base = a_stream();
  const std::vector<std::function<void(ctrl::IssuedCommand&)>> edits = {
      [](ctrl::IssuedCommand& c) { c.command.cycle += 1; },
      [](ctrl::IssuedCommand& c) { c.command.cmd = dram::Command::RDA; },
      [](ctrl::IssuedCommand& c) { c.command.rank = 1; },
      [](ctrl::IssuedCommand& c) { c.command.bank_group = 2; },
      [](ctrl::IssuedCommand& c) { c.command.bank = 3; },
      [](ctrl::IssuedCommand& c) { c.command.row = 11; },
      [](ctrl::IssuedCommand& c) { c.command.column = 40; },
      [](ctrl::IssuedCommand& c) { c.request_id = 9; },
  };
  for (std::size_t e = 0; e < edits.size(); ++e) {
    std::vector<ctrl::IssuedCommand> other = base;
    edits[e](other[3]);  // RD r0 bg1 b0 row 10 col 8, request 2
    const std::string m = command_stream_difference(base, other);
    EXPECT_NE(m.find("differ at command #3 "), std::string::npos) << "edit " << e << ": " << m;
  }
}

TEST(BackendCrosscheckComparator, AStreamThatEndsEarlyIsNamed) {
  std::vector<ctrl::IssuedCommand> shorter = a_stream();
  shorter.resize(7);
  const std::string m = command_stream_difference(a_stream(), shorter);
  EXPECT_NE(m.find("differ at command #7 (rtl issued 9 commands, tlm 7)"), std::string::npos)
      << m;
  EXPECT_NE(m.find("rtl: cycle 199: RD r0 bg0 b0 row 20 col 0, request 4"), std::string::npos)
      << m;
  EXPECT_NE(m.find("tlm: (no command: the stream ended after 7 commands)"), std::string::npos)
      << m;
  const std::string first = command_stream_difference({}, a_stream());
  EXPECT_NE(first.find("differ at command #0 "), std::string::npos) << first;
  EXPECT_NE(first.find("(nothing: it is the first command)"), std::string::npos) << first;
}

TEST(BackendCrosscheckComparator, NamesTheFirstDifferingCompletionAndWhereTheOtherSideHasIt) {
  const std::vector<CompletionRecord> rtl = {{0, false, 100, 152, false},
                                             {1, true, 101, 140, false},
                                             {2, false, 102, 160, true}};
  EXPECT_EQ(completion_difference(rtl, rtl), "");
  std::vector<CompletionRecord> later = rtl;
  later[2].done_cycle = 161;
  EXPECT_EQ(completion_difference(rtl, later),
            "completions differ at completion #2 (rtl 3, tlm 3)\n"
            "  rtl: read request 2: accepted in cycle 102, done in cycle 160 (forwarded)\n"
            "  tlm: read request 2: accepted in cycle 102, done in cycle 161 (forwarded)\n"
            "  rtl's request 2 is tlm's completion #2: read request 2: accepted in cycle 102, "
            "done in cycle 161 (forwarded)\n"
            "  tlm's request 2 is rtl's completion #2: read request 2: accepted in cycle 102, "
            "done in cycle 160 (forwarded)\n");
  // Another order: the first position where they part, and where each request went.
  const std::vector<CompletionRecord> swapped = {rtl[0], rtl[2]};
  const std::string m = completion_difference(rtl, swapped);
  EXPECT_NE(m.find("differ at completion #1 (rtl 3, tlm 2)"), std::string::npos) << m;
  EXPECT_NE(m.find("  rtl: write request 1: accepted in cycle 101, done in cycle 140\n"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("rtl's request 1 never completes in tlm"), std::string::npos) << m;
  EXPECT_NE(m.find("tlm's request 2 is rtl's completion #2"), std::string::npos) << m;
}

// The spec's tolerance: 2 % on bandwidth and mean latency, none on command counts.
stats::RunStats summary(std::uint64_t cycles, std::uint64_t latency, std::uint64_t acts) {
  stats::RunStats s;
  s.reads = 100;
  s.bytes = 100 * 64;
  s.cycles = cycles;
  s.tck_ns = 1;
  for (int i = 0; i < 100; ++i) s.read_latency.add(latency);
  s.commands[std::size_t(dram::Command::ACT)] = acts;
  s.commands[std::size_t(dram::Command::RD)] = 100;
  return s;
}

TEST(BackendCrosscheckComparator, SummaryAgreesWithinTwoPercentAndCountsExactly) {
  const stats::RunStats base = summary(1000, 100, 40);
  expect_summary_agrees(base, summary(1015, 101, 40));  // 1.5 % and 1 %: within
  EXPECT_NONFATAL_FAILURE(expect_summary_agrees(base, summary(1030, 100, 40)),
                          "bandwidth: rtl 6.400 GB/s, tlm 6.214 GB/s, more than 2 % apart");
  EXPECT_NONFATAL_FAILURE(expect_summary_agrees(base, summary(1000, 103, 40)),
                          "mean read latency: rtl 100.000 cycles, tlm 103.000 cycles");
  EXPECT_NONFATAL_FAILURE(expect_summary_agrees(base, summary(1000, 100, 41)),
                          "ACT commands, rtl against tlm");
}

// ---- Workloads through both backends ------------------------------------------------------

using MakeSource =
    std::function<std::unique_ptr<workloads::RequestSource>(const dram::DramPreset&)>;
using Check = std::function<void(const dram::DramPreset&, const Recorded&)>;
using ConfigEdit = std::function<void(ctrl::ControllerConfig&)>;

struct Case {
  Case(std::string name_, std::string preset_, MakeSource source_,
       ctrl::ControllerConfig config_, Check exercised_, std::string knob_ = {},
       ConfigEdit contrast_ = {})
      : name(std::move(name_)),
        preset(std::move(preset_)),
        source(std::move(source_)),
        config(config_),
        exercised(std::move(exercised_)),
        knob(std::move(knob_)),
        contrast(std::move(contrast_)) {}

  std::string name;
  std::string preset;
  MakeSource source;
  ctrl::ControllerConfig config;
  // What makes the case worth running, checked on the (shared) outcome.
  Check exercised;
  // A policy knob the case is there for, shown to matter: with `contrast` applied to the
  // config, the (tlm) command stream must differ. Empty when there is none.
  std::string knob;
  ConfigEdit contrast;
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.name; }

constexpr std::uint64_t kSmall = 1ull << 20;  // 1 MiB: addresses repeat, reads meet queued writes

// Workloads from the registry, as `mckit run` makes them.
auto registry(const std::string& name, std::uint64_t requests, std::uint64_t seed,
              double read_fraction = 0.8, std::uint64_t footprint = 0,
              std::uint64_t hot_bytes = 1ull << 20, int max_run = 1) {
  return [=](const dram::DramPreset& p) {
    workloads::WorkloadParams w;
    w.name = name;
    w.requests = requests;
    w.seed = seed;
    w.burst_bytes = p.org.bytes_per_burst();
    w.capacity = p.capacity_bytes();
    w.footprint = footprint;
    w.read_fraction = read_fraction;
    w.hot_bytes = hot_bytes;
    w.max_run = max_run;
    return workloads::make_workload(w);
  };
}

// Random traffic with partial writes: a read meeting a queued partial write must wait for it
// (a same-address hazard) instead of being answered from it.
auto random_partial(std::uint64_t requests, std::uint64_t seed, std::uint64_t footprint,
                    double read_fraction = 0.6) {
  return [=](const dram::DramPreset& p) -> std::unique_ptr<workloads::RequestSource> {
    workloads::RandomParams rp;
    rp.count = requests;
    rp.seed = seed;
    rp.footprint = footprint;
    rp.burst_bytes = p.org.bytes_per_burst();
    rp.read_fraction = read_fraction;
    rp.max_run = 4;
    rp.partial_write_fraction = 0.3;
    return std::make_unique<workloads::RandomSource>(rp);
  };
}

ctrl::ControllerConfig policy(ctrl::Scheduler s, ctrl::PagePolicy page = ctrl::PagePolicy::Open,
                              ctrl::Mapping m = ctrl::Mapping::RoBaRaCoBgCh,
                              bool xor_hash = false) {
  ctrl::ControllerConfig c;
  c.scheduler = s;
  c.page_policy = page;
  c.mapping = m;
  c.xor_bank_hash = xor_hash;
  c.age_cap = 64;       // small: under load the cap fires
  c.idle_timeout = 16;  // small: the adaptive policy closes idle rows
  return c;
}

std::uint64_t count_of(const Recorded& r, dram::Command c) {
  return r.stats.commands[std::size_t(c)];
}

// Checks on the outcome that show the case exercised what it is there for.
void forwards_and_conflicts(const dram::DramPreset&, const Recorded& r) {
  EXPECT_GT(r.stats.forwarded_reads, 0u) << "no read was answered from a queued write";
  EXPECT_GT(r.stats.row_conflicts, 0u);
}
void conflicts(const dram::DramPreset&, const Recorded& r) {
  EXPECT_GT(r.stats.row_conflicts, 0u);
}
void row_hits(const dram::DramPreset&, const Recorded& r) {
  EXPECT_GT(r.stats.row_hits, r.stats.reads / 2) << "sequential traffic mostly hits open rows";
}
void closed_page(const dram::DramPreset&, const Recorded& r) {
  EXPECT_GT(count_of(r, dram::Command::RDA) + count_of(r, dram::Command::WRA), 0u);
  EXPECT_EQ(count_of(r, dram::Command::RD) + count_of(r, dram::Command::WR), 0u);
}
// The run spans several refresh intervals, and refreshes came.
void refreshes(const dram::DramPreset& p, const Recorded& r) {
  EXPECT_GE(r.stats.cycles, 4 * std::uint64_t(p.timing.tREFI));
  EXPECT_GE(r.stats.refreshes(), 3u);
}
// Refreshes were postponed to the limit under steady demand (PREA to close the rank).
void postponed_to_the_limit(const dram::DramPreset& p, const Recorded& r) {
  refreshes(p, r);
  EXPECT_EQ(r.stats.max_refresh_owed, 8u);
  EXPECT_GT(r.stats.refreshes_postponed, 0u);
  EXPECT_GT(count_of(r, dram::Command::PREA), 0u);
}
// Per-bank or same-bank refresh only, more than a round of units, each owing at most the
// standard's postponement in units.
void unit_refreshes(const dram::DramPreset& p, const Recorded& r) {
  refreshes(p, r);
  EXPECT_EQ(count_of(r, dram::Command::REF), 0u);
  EXPECT_EQ(count_of(r, dram::Command::PREA), 0u);
  EXPECT_GT(count_of(r, dram::Command::REFpb) + count_of(r, dram::Command::REFsb), 16u);
}
// Reads that found a queued write to their address: answered from a full write (forwarded),
// or held until a partial write had gone to the device (a same-address hazard).
struct ReadsMeetingWrites {
  std::uint64_t forwarded = 0, held = 0;
};
ReadsMeetingWrites reads_meeting_writes(const dram::DramPreset& p, const Recorded& r) {
  std::vector<const CompletionRecord*> by_tag(r.requests.size(), nullptr);
  for (const CompletionRecord& c : r.completions)
    if (c.tag < by_tag.size()) by_tag[c.tag] = &c;
  const std::uint64_t full = p.org.bytes_per_burst() >= 64
                                 ? ~0ull
                                 : (1ull << p.org.bytes_per_burst()) - 1;
  std::map<std::uint64_t, std::size_t> last_write;  // address -> tag
  ReadsMeetingWrites m;
  for (std::size_t t = 0; t < r.requests.size(); ++t) {
    const Request& q = r.requests[t];
    if (q.write) {
      last_write[q.addr] = t;
      continue;
    }
    const auto w = last_write.find(q.addr);
    if (w == last_write.end() || !by_tag[t] || !by_tag[w->second]) continue;
    const CompletionRecord& read = *by_tag[t];
    const CompletionRecord& write = *by_tag[w->second];  // done: its WR on the bus
    if (read.forwarded) ++m.forwarded;
    else if ((r.requests[w->second].mask & full) != full && write.done_cycle > read.accept_cycle)
      ++m.held;
  }
  return m;
}
void hazards(const dram::DramPreset& p, const Recorded& r) {
  const ReadsMeetingWrites m = reads_meeting_writes(p, r);
  EXPECT_GT(m.forwarded, 0u) << "no read was answered from a queued full write";
  EXPECT_GT(m.held, 0u) << "no read waited for a queued partial write to its address";
  EXPECT_EQ(m.forwarded, r.stats.forwarded_reads);
  EXPECT_GT(r.stats.row_conflicts, 0u);
}

// A read-heavy stream with a trickle of writes (fewer than the high watermark): only the
// age cap serves the writes, so some write waited for it.
auto trickle(std::uint64_t requests, std::uint64_t seed) {
  return [=](const dram::DramPreset& p) -> std::unique_ptr<workloads::RequestSource> {
    return std::make_unique<test::TrickleSource>(p, requests, 500, 15, seed);
  };
}
void writes_wait_for_the_cap(const dram::DramPreset&, const Recorded& r) {
  std::uint64_t worst = 0;
  for (const CompletionRecord& c : r.completions)
    if (c.write) worst = std::max(worst, c.done_cycle - c.accept_cycle);
  EXPECT_EQ(r.stats.writes, 15u);
  EXPECT_GE(worst, 64u) << "no write waited for the age cap";
}

// Both ranks of a two-rank device were used and refreshed.
void two_ranks(const dram::DramPreset& p, const Recorded& r) {
  bool rank1 = false;
  std::uint64_t ref_rank1 = 0;
  for (const auto& c : r.commands) {
    rank1 = rank1 || (dram::is_column(c.command.cmd) && c.command.rank == 1);
    if (c.command.cmd == dram::Command::REF && c.command.rank == 1) ++ref_rank1;
  }
  EXPECT_TRUE(rank1) << "no column command on rank 1";
  refreshes(p, r);
  EXPECT_GT(ref_rank1, 0u);
}

std::vector<Case> cases() {
  using ctrl::Mapping;
  using ctrl::PagePolicy;
  using ctrl::Scheduler;
  auto with = [](ctrl::ControllerConfig c, auto edit) {
    edit(c);
    return c;
  };
  const std::string cap = "age cap of 64";
  const auto no_cap = [](ctrl::ControllerConfig& c) { c.scheduler = Scheduler::FrFcfs; };
  const std::string write_cap = "age cap on writes";
  const auto long_cap = [](ctrl::ControllerConfig& c) { c.age_cap = 8192; };
  const std::string adaptive = "adaptive page policy (idle timeout 16)";
  const auto open_page = [](ctrl::ControllerConfig& c) { c.page_policy = PagePolicy::Open; };
  const auto per_bank = [](ctrl::ControllerConfig& c) { c.refresh_kind = ctrl::RefreshKind::PerBank; };
  const auto same_bank = [](ctrl::ControllerConfig& c) { c.refresh_kind = ctrl::RefreshKind::SameBank; };
  const auto forwards = [](const dram::DramPreset&, const Recorded& r) {
    EXPECT_GT(r.stats.forwarded_reads, 0u) << "no read was answered from a queued write";
  };
  return {
      // Sequential: row hits, bank groups in turn.
      {"ddr4_3200_sequential_frfcfs_open", "ddr4-3200", registry("sequential", 20'000, 1),
       policy(Scheduler::FrFcfs), row_hits},
      {"hbm2_sequential_fcfs_closed_robaraco", "hbm2", registry("sequential", 15'000, 1),
       policy(Scheduler::Fcfs, PagePolicy::Closed, Mapping::RoBaRaCoCh), closed_page},
      // Random, 80 % reads: misses and conflicts, refresh.
      {"ddr4_3200_random_frfcfs_open", "ddr4-3200", registry("random", 20'000, 7),
       policy(Scheduler::FrFcfs), conflicts},
      {"ddr4_3200_random_fcfs_open", "ddr4-3200", registry("random", 15'000, 8),
       policy(Scheduler::Fcfs), conflicts},
      {"ddr4_3200_random_frfcfs_cap64_adaptive", "ddr4-3200",
       registry("random", 20'000, 9, 0.8, kSmall * 64),
       policy(Scheduler::FrFcfsCap, PagePolicy::Adaptive), conflicts, cap, no_cap},
      {"ddr3_1600k_random_frfcfs_open_roraba", "ddr3-1600k", registry("random", 20'000, 10),
       policy(Scheduler::FrFcfs, PagePolicy::Open, Mapping::RoRaBaCoCh), two_ranks},
      {"ddr3_1600k_random_fcfs_closed", "ddr3-1600k", registry("random", 15'000, 11),
       policy(Scheduler::Fcfs, PagePolicy::Closed), two_ranks},
      {"ddr5_4800_random_frfcfs_cap64_open_xor", "ddr5-4800", registry("random", 20'000, 12),
       policy(Scheduler::FrFcfsCap, PagePolicy::Open, Mapping::RoBaRaCoBgCh, true), conflicts,
       cap, no_cap},
      {"lpddr5_6400_random_frfcfs_adaptive_roraba_xor", "lpddr5-6400",
       registry("random", 20'000, 13),
       policy(Scheduler::FrFcfs, PagePolicy::Adaptive, Mapping::RoRaBaCoCh, true), refreshes,
       adaptive, open_page},
      {"hbm2_random_fcfs_open_robaraco_xor", "hbm2", registry("random", 15'000, 14),
       policy(Scheduler::Fcfs, PagePolicy::Open, Mapping::RoBaRaCoCh, true), refreshes},
      {"hbm3_random_frfcfs_cap64_closed", "hbm3", registry("random", 15'000, 15),
       policy(Scheduler::FrFcfsCap, PagePolicy::Closed), closed_page},
      // Reads and writes over a small footprint: forwarding, same-address hazards, conflicts.
      // (An age cap long enough for reads to meet the writes still queued.)
      {"ddr4_3200_rwmix_frfcfs_open", "ddr4-3200", registry("rw-mix", 20'000, 16, 0.5, 64 * 64),
       with(policy(Scheduler::FrFcfs), [](ctrl::ControllerConfig& c) { c.age_cap = 1024; }),
       forwards},
      {"ddr4_3200_hotspot_fcfs_open", "ddr4-3200",
       registry("hotspot", 20'000, 17, 0.5, kSmall * 16, 64 * 1024), policy(Scheduler::Fcfs),
       forwards_and_conflicts},
      {"ddr4_3200_hotspot_frfcfs_cap64_open", "ddr4-3200",
       registry("hotspot", 20'000, 18, 0.5, kSmall * 16, 64 * 1024),
       policy(Scheduler::FrFcfsCap), forwards_and_conflicts, cap, no_cap},
      {"ddr4_3200_partial_writes_frfcfs_cap64_closed", "ddr4-3200",
       random_partial(20'000, 19, kSmall), policy(Scheduler::FrFcfsCap, PagePolicy::Closed),
       [](const dram::DramPreset& p, const Recorded& r) {
         closed_page(p, r);
         hazards(p, r);
       }},
      {"ddr3_1600k_hotspot_frfcfs_adaptive_robaraco", "ddr3-1600k",
       registry("hotspot", 20'000, 20, 0.6, kSmall * 64, 256 * 1024),
       policy(Scheduler::FrFcfs, PagePolicy::Adaptive, Mapping::RoBaRaCoCh),
       forwards_and_conflicts, adaptive, open_page},
      {"ddr5_4800_rwmix_fcfs_adaptive_roraba", "ddr5-4800",
       registry("rw-mix", 20'000, 21, 0.6, 16 * 64),
       policy(Scheduler::Fcfs, PagePolicy::Adaptive, Mapping::RoRaBaCoCh), forwards},
      {"hbm2_hotspot_frfcfs_cap64_closed_xor", "hbm2",
       registry("hotspot", 20'000, 22, 0.5, kSmall * 16, 64 * 1024),
       policy(Scheduler::FrFcfsCap, PagePolicy::Closed, Mapping::RoBaRaCoBgCh, true),
       closed_page, cap, no_cap},
      {"lpddr5_6400_partial_writes_fcfs_open", "lpddr5-6400", random_partial(20'000, 23, kSmall),
       policy(Scheduler::Fcfs), hazards},
      // Refresh: steady demand postpones refreshes to the limit of 8; and forced at once.
      {"ddr4_3200_refresh_postponed_frfcfs", "ddr4-3200",
       registry("random", 30'000, 24, 0.7, 64ull << 20, 0, 8), policy(Scheduler::FrFcfs),
       postponed_to_the_limit},
      {"lpddr5_6400_refresh_postponed_frfcfs_cap64", "lpddr5-6400",
       registry("random", 30'000, 25, 0.7, 64ull << 20, 0, 8), policy(Scheduler::FrFcfsCap),
       postponed_to_the_limit, cap, no_cap},
      {"ddr3_1600k_refresh_postponed_fcfs", "ddr3-1600k",
       registry("random", 30'000, 26, 0.7, 0, 0, 8), policy(Scheduler::Fcfs),
       postponed_to_the_limit},
      // Reads always queued, a trickle of writes: the age cap serves them, under every
      // scheduler (two ranks: past the cap, no burst to the other rank).
      {"ddr4_3200_trickled_writes_fcfs_open", "ddr4-3200", trickle(10'000, 41),
       policy(Scheduler::Fcfs), writes_wait_for_the_cap, write_cap, long_cap},
      {"ddr4_3200_trickled_writes_frfcfs_adaptive", "ddr4-3200", trickle(10'000, 42),
       policy(Scheduler::FrFcfs, PagePolicy::Adaptive), writes_wait_for_the_cap, write_cap,
       long_cap},
      {"hbm2_trickled_writes_frfcfs_cap64_closed", "hbm2", trickle(10'000, 43),
       policy(Scheduler::FrFcfsCap, PagePolicy::Closed), writes_wait_for_the_cap, write_cap,
       long_cap},
      {"ddr3_1600k_trickled_writes_frfcfs_cap64_open", "ddr3-1600k", trickle(10'000, 44),
       policy(Scheduler::FrFcfsCap), writes_wait_for_the_cap, write_cap, long_cap},
      // Per-bank and same-bank refresh: one unit at a time, an idle one where there is one.
      {"lpddr5_6400_random_per_bank_frfcfs", "lpddr5-6400",
       registry("random", 30'000, 28, 0.7, 64ull << 20, 0, 8), with(policy(Scheduler::FrFcfs), per_bank),
       unit_refreshes},
      {"lpddr5_6400_sequential_per_bank_adaptive", "lpddr5-6400", registry("sequential", 30'000, 29),
       with(policy(Scheduler::FrFcfs, PagePolicy::Adaptive), per_bank), unit_refreshes},
      {"hbm2_random_per_bank_frfcfs_cap64_xor", "hbm2", registry("random", 20'000, 30),
       with(policy(Scheduler::FrFcfsCap, PagePolicy::Open, Mapping::RoBaRaCoBgCh, true), per_bank),
       unit_refreshes},
      {"hbm3_sequential_per_bank_closed", "hbm3", registry("sequential", 30'000, 31),
       with(policy(Scheduler::FrFcfs, PagePolicy::Closed), per_bank), unit_refreshes},
      {"ddr5_4800_random_same_bank_frfcfs", "ddr5-4800",
       registry("random", 30'000, 32, 0.7, 64ull << 20, 0, 8), with(policy(Scheduler::FrFcfs), same_bank),
       unit_refreshes},
      {"ddr5_4800_rwmix_same_bank_fcfs_adaptive", "ddr5-4800", registry("rw-mix", 20'000, 33, 0.6, 16 * 64),
       with(policy(Scheduler::Fcfs, PagePolicy::Adaptive), same_bank), unit_refreshes},
      // ... and forced: one tREFI of postponement, owed to the limit of one round of units.
      {"lpddr5_6400_random_per_bank_forced", "lpddr5-6400", registry("random", 20'000, 34),
       with(policy(Scheduler::FrFcfs), [&](ctrl::ControllerConfig& c) {
         per_bank(c);
         c.refresh_postpone = 1;
       }),
       [](const dram::DramPreset& p, const Recorded& r) {
         unit_refreshes(p, r);
         EXPECT_EQ(r.stats.max_refresh_owed, 8u);  // 8 bank pairs
       }},
      {"ddr5_4800_random_same_bank_forced", "ddr5-4800", registry("random", 20'000, 35),
       with(policy(Scheduler::FrFcfsCap), [&](ctrl::ControllerConfig& c) {
         same_bank(c);
         c.refresh_postpone = 1;
       }),
       [](const dram::DramPreset& p, const Recorded& r) {
         unit_refreshes(p, r);
         EXPECT_EQ(r.stats.max_refresh_owed, 4u);  // 4 bank indices
       }},
      {"ddr4_3200_refresh_at_once_frfcfs", "ddr4-3200", registry("random", 20'000, 27),
       with(policy(Scheduler::FrFcfs), [](ctrl::ControllerConfig& c) { c.refresh_postpone = 1; }),
       [](const dram::DramPreset& p, const Recorded& r) {
         refreshes(p, r);
         EXPECT_EQ(r.stats.max_refresh_owed, 1u);
       }},
  };
}


// ---- FCFS when an entry leaves and another arrives in the same cycle ----------------------
// FCFS serves only the oldest queued request. 40 reads to 40 rows of bank bg0/b0 of a DDR4,
// offered back to back from cycle 100: every one is a conflict (PRE, ACT, RD), so the read
// queue fills while the first is served. In the cycle the first RD is decided (124), its slot 0
// is popped while the request accepted in cycle 123 is pushed into slot 23, which was never
// used: its row of the age matrix is still all zero. mc_req_queue once counted the newcomer
// among the candidates for the new oldest entry, with that stale row, and kept the highest
// index: the newcomer became the oldest and was served second (RD of request 23 where
// request 1's belongs). Both backends must serve strictly in arrival order.
TEST(BackendCrosscheckFcfs, OldestStaysTheOldestWhenAPopAndAPushMeet) {
  const dram::DramPreset p = dram::load_preset("ddr4-3200");
  ctrl::ControllerConfig config = policy(ctrl::Scheduler::Fcfs);
  config.refresh = false;
  std::vector<Request> reads;
  for (std::uint32_t k = 0; k < 40; ++k)
    reads.push_back(test::read_at(test::address_of(p, 0, 0, 1 + k, 0)));
  const SourceFactory make = [&] { return std::make_unique<VectorSource>(reads); };
  const Gate from_cycle_100 = [](std::uint64_t cycle, std::uint64_t) { return cycle >= 100; };
  std::vector<Recorded> runs;
  for (sim::Backend b : {sim::Backend::Rtl, sim::Backend::Tlm}) {
    SCOPED_TRACE(sim::name_of(b));
    runs.push_back(run_backend(b, p, config, make, from_cycle_100));
    const Recorded& r = runs.back();
    ASSERT_EQ(r.completions.size(), reads.size());
    for (const CompletionRecord& c : r.completions) {
      if (c.tag < 24) {  // back to back: the queue took each the cycle it came
        EXPECT_EQ(c.accept_cycle, 100 + c.tag) << "request " << c.tag;
      }
    }
    for (std::size_t k = 0; k < r.completions.size(); ++k)
      EXPECT_EQ(r.completions[k].tag, k) << "completion #" << k << " (FCFS: arrival order)";
    std::vector<std::uint32_t> rows;
    for (const auto& c : r.commands)
      if (c.command.cmd == dram::Command::RD) rows.push_back(c.command.row);
    ASSERT_EQ(rows.size(), reads.size());
    for (std::size_t k = 0; k < rows.size(); ++k) EXPECT_EQ(rows[k], 1 + k) << "RD #" << k;
  }
  expect_same(runs[0], runs[1]);
}

// ---- Prefetchers --------------------------------------------------------------------------
// Requests paced one every `pace` cycles, so that the queues leave command slots free for
// prefetches (and a prefetch, time to go before the demand read it anticipates arrives). The prefetch commands (their addresses and slots) are part of the command
// streams compared, so the RTL's and the C++ model's prefetchers predict the same addresses.
struct PrefetchCase {
  std::string name;
  std::string preset;
  MakeSource source;
  ctrl::ControllerConfig config;
  std::uint64_t pace;
};

std::ostream& operator<<(std::ostream& os, const PrefetchCase& c) { return os << c.name; }

ctrl::ControllerConfig prefetching(ctrl::ControllerConfig c, ctrl::PrefetcherKind kind,
                                   int distance, int degree, int throttle = 50) {
  c.prefetch.kind = kind;
  c.prefetch.distance = distance;
  c.prefetch.degree = degree;
  c.prefetch.throttle = throttle;
  return c;
}

std::vector<PrefetchCase> prefetch_cases() {
  using ctrl::Mapping;
  using ctrl::PagePolicy;
  using ctrl::PrefetcherKind;
  using ctrl::Scheduler;
  return {
      {"ddr4_3200_sequential_stream", "ddr4-3200", registry("sequential", 20'000, 31),
       prefetching(policy(Scheduler::FrFcfs), PrefetcherKind::Stream, 2, 4), 12},
      {"ddr4_3200_strided_stride_cap64", "ddr4-3200",
       [](const dram::DramPreset& p) {
         workloads::WorkloadParams w;
         w.name = "strided";
         w.requests = 20'000;
         w.seed = 32;
         w.burst_bytes = p.org.bytes_per_burst();
         w.capacity = p.capacity_bytes();
         w.stride_bursts = 3;
         return workloads::make_workload(w);
       },
       prefetching(policy(Scheduler::FrFcfsCap), PrefetcherKind::Stride, 1, 4), 12},
      {"ddr4_3200_rwmix_nextline", "ddr4-3200", registry("rw-mix", 20'000, 33, 0.6, 256 * 64),
       prefetching(policy(Scheduler::FrFcfs), PrefetcherKind::NextLine, 1, 2), 16},
      {"ddr4_3200_partial_writes_nextline_adaptive", "ddr4-3200",
       random_partial(20'000, 34, 64 * 64),
       prefetching(policy(Scheduler::FrFcfs, PagePolicy::Adaptive), PrefetcherKind::NextLine, 1,
                   3, 100),
       16},
      {"hbm2_sequential_stream_closed", "hbm2", registry("sequential", 15'000, 35),
       prefetching(policy(Scheduler::Fcfs, PagePolicy::Closed), PrefetcherKind::Stream, 1, 2),
       18},
      {"ddr3_1600k_runs_stream_roraba", "ddr3-1600k",
       registry("random", 20'000, 36, 0.8, 0, 0, 16),
       prefetching(policy(Scheduler::FrFcfs, PagePolicy::Open, Mapping::RoRaBaCoCh),
                   PrefetcherKind::Stream, 1, 4, 100),
       10},
      {"lpddr5_6400_sequential_stride_xor", "lpddr5-6400", registry("sequential", 20'000, 37),
       prefetching(policy(Scheduler::FrFcfsCap, PagePolicy::Open, Mapping::RoBaRaCoBgCh, true),
                   PrefetcherKind::Stride, 2, 3),
       8},
  };
}

class PrefetchCrosscheck : public ::testing::TestWithParam<PrefetchCase> {};

TEST_P(PrefetchCrosscheck, SamePrefetchesAndCommandsInTheSameCycles) {
  const PrefetchCase& c = GetParam();
  const dram::DramPreset preset = dram::load_preset(c.preset);
  const SourceFactory make = [&] { return c.source(preset); };
  const std::uint64_t pace = c.pace;
  const Gate paced = [pace](std::uint64_t cycle, std::uint64_t seq) { return cycle >= seq * pace; };
  const Recorded rtl = run_backend(sim::Backend::Rtl, preset, c.config, make, paced);
  const Recorded tlm = run_backend(sim::Backend::Tlm, preset, c.config, make, paced);
  expect_same(rtl, tlm);
  const stats::PrefetchStats& pf = rtl.stats.prefetch;
  EXPECT_GT(pf.issued, 100u) << "the prefetcher hardly ran";
  EXPECT_GT(pf.useful, 0u) << "no demand read was answered from the prefetch buffer";
  EXPECT_EQ(pf.demand_dram_reads + pf.useful + rtl.stats.forwarded_reads, rtl.stats.reads);
}

INSTANTIATE_TEST_SUITE_P(Cases, PrefetchCrosscheck, ::testing::ValuesIn(prefetch_cases()),
                         [](const ::testing::TestParamInfo<PrefetchCase>& info) {
                           return info.param.name;
                         });

// ---- Prefetching while demand saturates the memory ----------------------------------------
// A sequential read stream from a requester that keeps `outstanding` reads in flight, as
// `mckit run --outstanding N` does. Demand alone takes every RD slot the memory gives: with
// bank groups in turn one RD every tCCD_S (the data bus is full); under ro-ba-ra-co-ch a row's
// bursts share one bank group, one RD every tCCD_L. So the stream prefetcher's candidates wait
// at the head while demand overtakes them, and each accepted read kills its burst's pending
// candidates. Without the kill, the candidates left behind went out at the next gap (a row
// switch), every one for a burst demand had already read.
struct SaturatedCase {
  std::string name;
  ctrl::Mapping mapping;
  std::uint64_t outstanding;
};

std::ostream& operator<<(std::ostream& os, const SaturatedCase& c) { return os << c.name; }

class PrefetchCrosscheckSaturated : public ::testing::TestWithParam<SaturatedCase> {};

TEST_P(PrefetchCrosscheckSaturated, NoBurstIsReadByBothAPrefetchAndDemand) {
  const SaturatedCase& c = GetParam();
  const dram::DramPreset preset = dram::load_preset("ddr4-3200");
  const ctrl::ControllerConfig config =
      prefetching(policy(ctrl::Scheduler::FrFcfs, ctrl::PagePolicy::Open, c.mapping),
                  ctrl::PrefetcherKind::Stream, 8, 4);
  const auto sequential = registry("sequential", 20'000, 38);
  const SourceFactory make = [&] { return sequential(preset); };
  Extras closed_loop;
  closed_loop.max_outstanding = c.outstanding;
  const Recorded rtl = run_backend(sim::Backend::Rtl, preset, config, make, {}, closed_loop);
  const Recorded tlm = run_backend(sim::Backend::Tlm, preset, config, make, {}, closed_loop);
  expect_same(rtl, tlm);

  // The stream reads each burst once: a burst that both a prefetch RD and a demand RD read
  // was fetched twice. Without the kill, the prefetch came after the demand RD.
  using Burst = std::tuple<std::uint32_t, std::uint32_t, std::uint32_t, std::uint32_t,
                           std::uint32_t>;
  const auto burst_of = [](const dram::DramCommand& d) {
    return Burst{d.rank, d.bank_group, d.bank, d.row, d.column};
  };
  std::set<Burst> demand_read;
  std::uint64_t first_rd = 0, last_rd = 0, demand_rds = 0;
  for (const ctrl::IssuedCommand& i : rtl.commands) {
    if (!dram::is_read(i.command.cmd) || i.prefetch) continue;
    demand_read.insert(burst_of(i.command));
    if (demand_rds++ == 0) first_rd = i.command.cycle;
    last_rd = i.command.cycle;
  }
  std::uint64_t twice = 0;
  for (const ctrl::IssuedCommand& i : rtl.commands) {
    if (!dram::is_read(i.command.cmd) || !i.prefetch || !demand_read.count(burst_of(i.command)))
      continue;
    if (++twice <= 5) ADD_FAILURE() << "a burst demand reads too: " << describe_issued(i);
  }
  EXPECT_EQ(twice, 0u);
  EXPECT_EQ(rtl.stats.prefetch.evicted_unused, 0u);
  // Demand saturated what the memory gives: RDs spaced by tCCD (S or L) on average, within
  // the row switches and refreshes.
  const std::uint64_t tccd = c.mapping == ctrl::Mapping::RoBaRaCoCh ? preset.timing.tCCD_L
                                                                   : preset.timing.tCCD_S;
  EXPECT_LT(double(last_rd - first_rd) / double(demand_rds), 1.1 * double(tccd));
}

INSTANTIATE_TEST_SUITE_P(
    Ddr4Sequential, PrefetchCrosscheckSaturated,
    ::testing::Values(SaturatedCase{"bank_groups_in_turn_8_outstanding",
                                    ctrl::Mapping::RoBaRaCoBgCh, 8},
                      SaturatedCase{"ro_ba_ra_co_ch_4_outstanding", ctrl::Mapping::RoBaRaCoCh, 4}),
    [](const ::testing::TestParamInfo<SaturatedCase>& info) { return info.param.name; });

// Offered as fast as taken, so that the harness skips the quiet cycles once the source is
// done: a run of reads with gaps, each next-line candidate 4 bursts ahead, most of them killed
// by the read of their burst while they wait. A killed candidate leaves in a cycle of its own,
// so a cycle whose head is dead is not quiet: the C++ model must not skip it.
TEST(PrefetchCrosscheckQuiet, KilledCandidatesLeaveInTheSameCyclesWhenTheModelSkips) {
  const dram::DramPreset preset = dram::load_preset("ddr4-3200");
  const ctrl::ControllerConfig config =
      prefetching(policy(ctrl::Scheduler::FrFcfs), ctrl::PrefetcherKind::NextLine, 4, 1, 100);
  std::vector<Request> reads;
  for (std::uint64_t burst : {390, 391, 392, 393, 394, 395, 396, 397, 399, 401, 402, 403, 405,
                              406, 1775, 1776})
    reads.push_back(test::read_at(burst * std::uint64_t(preset.org.bytes_per_burst())));
  const SourceFactory make = [&] { return std::make_unique<VectorSource>(reads); };
  expect_same(run_backend(sim::Backend::Rtl, preset, config, make),
              run_backend(sim::Backend::Tlm, preset, config, make));
}

// ---- Response back-pressure --------------------------------------------------------------
// The requester takes a response in a cycle with probability percent / 100, drawn from the
// cycle alone (seeded), so both backends see the same pattern. Reads answered from queued
// writes and from the prefetch buffer are held like the others; nothing is lost, and every
// read returns what it returns without back-pressure (acceptance order, which decides the
// data, is the workload's either way).
std::function<bool(std::uint64_t)> random_ready(std::uint64_t seed, std::uint64_t percent) {
  return [seed, percent](std::uint64_t cycle) {
    std::uint64_t z = seed ^ (cycle * 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return (z ^ (z >> 31)) % 100 < percent;
  };
}

struct BackPressureCase {
  std::string name;
  std::string preset;
  MakeSource source;
  ctrl::ControllerConfig config;
  std::uint64_t pace;     // cycles between requests offered (0: as fast as taken)
  std::uint64_t percent;  // of cycles in which a response is taken
};

std::ostream& operator<<(std::ostream& os, const BackPressureCase& c) { return os << c.name; }

std::vector<BackPressureCase> back_pressure_cases() {
  using ctrl::PagePolicy;
  using ctrl::PrefetcherKind;
  using ctrl::Scheduler;
  ctrl::ControllerConfig forwarding = policy(Scheduler::FrFcfs);
  forwarding.age_cap = 1024;  // reads meet queued writes
  return {
      {"ddr4_3200_rwmix_frfcfs_half", "ddr4-3200",
       registry("rw-mix", 20'000, 51, 0.5, 64 * 64), forwarding, 0, 50},
      {"ddr4_3200_partial_writes_frfcfs_cap64_closed_a_fifth", "ddr4-3200",
       random_partial(20'000, 52, kSmall), policy(Scheduler::FrFcfsCap, PagePolicy::Closed), 0,
       20},
      {"ddr4_3200_sequential_stream_half", "ddr4-3200", registry("sequential", 20'000, 53),
       prefetching(policy(Scheduler::FrFcfs), PrefetcherKind::Stream, 2, 4), 12, 50},
      {"hbm2_rwmix_nextline_adaptive_most", "hbm2", registry("rw-mix", 20'000, 54, 0.6, 256 * 32),
       prefetching(policy(Scheduler::FrFcfs, PagePolicy::Adaptive), PrefetcherKind::NextLine, 1,
                   2),
       16, 70},
  };
}

class BackPressureCrosscheck : public ::testing::TestWithParam<BackPressureCase> {};

TEST_P(BackPressureCrosscheck, SameCommandsAndTheDataOfARunWithout) {
  const BackPressureCase& c = GetParam();
  const dram::DramPreset preset = dram::load_preset(c.preset);
  const SourceFactory make = [&] { return c.source(preset); };
  const std::uint64_t pace = c.pace;
  const Gate paced = [pace](std::uint64_t cycle, std::uint64_t seq) { return cycle >= seq * pace; };
  const Gate gate = pace ? paced : Gate{};
  Extras held;
  held.ready = random_ready(c.percent, c.percent);
  const Recorded rtl = run_backend(sim::Backend::Rtl, preset, c.config, make, gate, held);
  const Recorded tlm = run_backend(sim::Backend::Tlm, preset, c.config, make, gate, held);
  expect_same(rtl, tlm);
  const Recorded free = run_backend(sim::Backend::Tlm, preset, c.config, make, gate);
  EXPECT_EQ(rtl.stats.reads, free.stats.reads);
  ASSERT_EQ(rtl.read_data.size(), rtl.stats.reads) << "a read was lost";
  std::size_t differing = 0;
  for (const auto& [tag, data] : rtl.read_data)
    if (free.read_data.at(tag) != data) ++differing;
  EXPECT_EQ(differing, 0u) << "reads returned other data than without back-pressure";
  EXPECT_GT(rtl.stats.read_latency.mean(), free.stats.read_latency.mean())
      << "no response was held";
  if (c.config.prefetch.kind == ctrl::PrefetcherKind::None) {
    EXPECT_GT(rtl.stats.forwarded_reads, 0u) << "no read was answered from a queued write";
  } else {
    EXPECT_GT(rtl.stats.prefetch.useful, 0u) << "no read was answered from the prefetch buffer";
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, BackPressureCrosscheck, ::testing::ValuesIn(back_pressure_cases()),
                         [](const ::testing::TestParamInfo<BackPressureCase>& info) {
                           return info.param.name;
                         });

// ---- A reset in the middle of traffic ------------------------------------------------------
// Random traffic with requests queued and reads in flight, a reset, then another workload:
// both backends issue the same commands in the same cycles before and after it.
struct ResetCase {
  std::string name;
  std::string preset;
  MakeSource before, after;
  ctrl::ControllerConfig config;
  std::uint64_t pace, reset_at;
};

std::ostream& operator<<(std::ostream& os, const ResetCase& c) { return os << c.name; }

std::vector<ResetCase> reset_cases() {
  using ctrl::PagePolicy;
  using ctrl::PrefetcherKind;
  using ctrl::Scheduler;
  return {
      {"ddr4_3200_partial_writes_then_random_frfcfs_cap64", "ddr4-3200",
       random_partial(40'000, 61, kSmall), registry("random", 15'000, 62, 0.7, kSmall),
       policy(Scheduler::FrFcfsCap), 0, 20'000},
      {"ddr3_1600k_random_then_rwmix_fcfs_closed", "ddr3-1600k", registry("random", 40'000, 63),
       registry("rw-mix", 15'000, 64, 0.5, 256 * 64),
       policy(Scheduler::Fcfs, PagePolicy::Closed), 0, 30'000},
      {"hbm2_sequential_stream_then_random_adaptive", "hbm2", registry("sequential", 20'000, 65),
       registry("random", 10'000, 66, 0.7, kSmall),
       prefetching(policy(Scheduler::FrFcfs, PagePolicy::Adaptive), PrefetcherKind::Stream, 2, 4),
       4, 30'001},
  };
}

class ResetCrosscheck : public ::testing::TestWithParam<ResetCase> {};

TEST_P(ResetCrosscheck, SameCommandsBeforeAndAfterTheReset) {
  const ResetCase& c = GetParam();
  const dram::DramPreset preset = dram::load_preset(c.preset);
  const std::uint64_t pace = c.pace;
  const Gate paced = [pace](std::uint64_t cycle, std::uint64_t seq) { return cycle >= seq * pace; };
  Extras extras;
  extras.reset_at = c.reset_at;
  extras.after_reset = [&] { return c.after(preset); };
  const SourceFactory make = [&] { return c.before(preset); };
  const Recorded rtl =
      run_backend(sim::Backend::Rtl, preset, c.config, make, pace ? paced : Gate{}, extras);
  const Recorded tlm =
      run_backend(sim::Backend::Tlm, preset, c.config, make, pace ? paced : Gate{}, extras);
  expect_same(rtl, tlm);
  EXPECT_EQ(rtl.dropped.requests, tlm.dropped.requests);
  EXPECT_EQ(rtl.dropped.reads_in_flight, tlm.dropped.reads_in_flight);
  EXPECT_GT(rtl.dropped.requests, 0u) << "nothing was queued at the reset";
  EXPECT_GT(rtl.dropped.reads_in_flight, 0u) << "no read was in flight at the reset";
  std::uint64_t after = 0;
  for (const ctrl::IssuedCommand& k : rtl.commands) after += k.command.cycle >= c.reset_at;
  EXPECT_GT(after, 1000u) << "the second workload hardly ran";
  if (c.config.prefetch.kind != ctrl::PrefetcherKind::None) {
    EXPECT_GT(rtl.stats.prefetch.issued, 0u);
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, ResetCrosscheck, ::testing::ValuesIn(reset_cases()),
                         [](const ::testing::TestParamInfo<ResetCase>& info) {
                           return info.param.name;
                         });

class BackendCrosscheck : public ::testing::TestWithParam<Case> {};

TEST_P(BackendCrosscheck, SameCommandsInTheSameCycles) {
  const Case& c = GetParam();
  const dram::DramPreset preset = dram::load_preset(c.preset);
  const SourceFactory make = [&] { return c.source(preset); };
  const Recorded rtl = run_backend(sim::Backend::Rtl, preset, c.config, make);
  const Recorded tlm = run_backend(sim::Backend::Tlm, preset, c.config, make);
  expect_same(rtl, tlm);
  {
    SCOPED_TRACE("what the case exercises (rtl)");
    c.exercised(preset, rtl);
  }
  if (c.contrast) {
    ctrl::ControllerConfig without = c.config;
    c.contrast(without);
    const Recorded other = run_backend(sim::Backend::Tlm, preset, without, make);
    EXPECT_FALSE(command_stream_difference(tlm.commands, other.commands).empty())
        << "the " << c.knob << " made no difference to the command stream";
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, BackendCrosscheck, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return info.param.name;
                         });

}  // namespace
}  // namespace mckit
