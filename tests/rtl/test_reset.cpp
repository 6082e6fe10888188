// A reset in the middle of traffic, on both backends: what was queued or in flight is
// dropped, the device is initialized (banks closed, timing history and refresh deadline
// restarted, its cells kept), and a new workload then runs with no timing violation, every
// request answered and every read checked. A read after the reset of an address written
// before it returns what the device holds: the last write that reached it (its WR on the bus)
// before the reset; writes still queued in the controller are lost. (Command streams after a
// reset are compared between the backends in test_backend_crosscheck.cpp.)
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <vector>

#include "backend.h"
#include "dram/dram_preset.h"
#include "rtl_test_support.h"
#include "testbench/scoreboard.h"
#include "workloads/microbench.h"

namespace mckit {
namespace {

using namespace test;

class Reset : public ::testing::TestWithParam<sim::Backend> {
 protected:
  const dram::DramPreset p = dram::load_preset("ddr4-3200");
  const int burst_bytes = p.org.bytes_per_burst();

  sim::HarnessOptions options(ctrl::ControllerConfig config = {}) const {
    sim::HarnessOptions o;
    o.backend = GetParam();
    o.controller = config;
    return o;
  }
  Request write_at(std::uint64_t addr, std::uint64_t seed) const {
    Request r;
    r.addr = addr;
    r.write = true;
    workloads::fill_pattern(r, seed, 0, burst_bytes);
    return r;
  }
};

// Random traffic over a small footprint (forwards, same-address waits, partial writes), a
// reset with requests queued and reads in flight, then other random traffic: clean, and
// every request of the second workload answered (those dropped never complete). With and
// without a prefetcher.
TEST_P(Reset, ANewWorkloadRunsCleanAfterAResetMidTraffic) {
  for (ctrl::PrefetcherKind kind : {ctrl::PrefetcherKind::None, ctrl::PrefetcherKind::Stream}) {
    SCOPED_TRACE(ctrl::name_of(kind));
    ctrl::ControllerConfig config;
    config.scheduler = ctrl::Scheduler::FrFcfsCap;
    config.prefetch.kind = kind;
    sim::CycleHarness h(p, options(config));
    // Paced, so that the prefetcher finds command slots left empty.
    h.set_request_gate([](std::uint64_t cycle, std::uint64_t seq) { return cycle >= seq * 6; });
    std::uint64_t completions = 0, last_read = 0;
    h.on_completion = [&](const ctrl::Completion&) { ++completions; };
    h.on_command = [&](const ctrl::IssuedCommand& c) {
      if (dram::is_read(c.command.cmd)) last_read = c.command.cycle;
    };
    workloads::RandomParams traffic;
    traffic.count = 50'000;
    traffic.seed = 71;
    traffic.footprint = kSmallFootprint;
    traffic.burst_bytes = burst_bytes;
    traffic.read_fraction = 0.6;
    traffic.max_run = 8;
    traffic.partial_write_fraction = 0.2;
    workloads::RandomSource first(traffic);
    run_until_read_in_flight(h, first, 100'000, p.timing, [&] { return last_read; });
    const std::uint64_t completed_before = completions;
    const ctrl::ResetReport dropped = h.reset();
    EXPECT_GT(dropped.requests, 0u) << "nothing was queued";
    EXPECT_GT(dropped.reads_in_flight, 0u);

    traffic.count = 20'000;
    traffic.seed = 72;
    workloads::RandomSource second(traffic);
    const stats::RunStats s = h.run(second);
    EXPECT_EQ(s.violations, 0u);
    for (const auto& v : s.first_violations) ADD_FAILURE() << v;
    EXPECT_EQ(s.data_mismatches, 0u);
    EXPECT_EQ(s.unanswered, 0u);
    EXPECT_EQ(completions - completed_before, traffic.count);
    EXPECT_GT(s.forwarded_reads, 0u);
    if (kind != ctrl::PrefetcherKind::None) {
      EXPECT_GT(s.prefetch.issued, 0u);
    }
  }
}

// Write A to X reaches the device at once (nothing else is queued); write B to X then waits
// behind a stream of reads (below the age cap) when the reset comes, and is dropped. After
// the reset, a read of X returns A, a read of a burst never written returns zeros, and the
// scoreboard, which drops B too, agrees.
TEST_P(Reset, AReadAfterTheResetSeesTheLastWriteThatReachedTheDevice) {
  ctrl::ControllerConfig config;
  config.refresh = false;
  sim::CycleHarness h(p, options(config));
  const std::uint64_t x = address_of(p, 1, 2, 40, 3), never = address_of(p, 2, 1, 50, 5);
  const Request a = write_at(x, 1), b = write_at(x, 2);
  ASSERT_NE(a.data, b.data);
  std::vector<Request> before = {a};
  std::vector<std::uint64_t> offer_at = {100};
  for (std::uint32_t k = 0; k < 60; ++k) {  // row conflicts on one bank: the queue stays full
    before.push_back(read_at(address_of(p, 3, 3, 100 + k, 0)));
    offer_at.push_back(200);
    if (k == 5) {
      before.push_back(b);
      offer_at.push_back(200);
    }
  }
  std::map<std::uint64_t, ctrl::Completion> done;
  std::map<std::uint64_t, std::vector<std::uint8_t>> data;
  h.on_completion = [&](const ctrl::Completion& c) {
    done[c.tag] = c;
    data[c.tag].assign(c.data, c.data + burst_bytes);
  };
  h.set_request_gate([&](std::uint64_t cycle, std::uint64_t seq) {
    return seq >= offer_at.size() || cycle >= offer_at[seq];
  });
  VectorSource first(before);
  h.run_until(first, 600);  // B was filed near cycle 210: the cap of 512 is still ahead
  ASSERT_EQ(done.count(0), 1u) << "A did not reach the device";
  ASSERT_EQ(done.count(7), 0u) << "B reached the device before the reset";
  const ctrl::ResetReport dropped = h.reset();
  EXPECT_GT(dropped.requests, 1u);

  const std::uint64_t first_tag = h.offered();
  VectorSource second({read_at(x), read_at(never)});
  const stats::RunStats s = h.run(second);
  EXPECT_EQ(s.violations, 0u);
  EXPECT_EQ(s.data_mismatches, 0u);
  EXPECT_EQ(s.unanswered, 0u);
  ASSERT_EQ(done.count(first_tag), 1u);
  ASSERT_EQ(done.count(first_tag + 1), 1u);
  EXPECT_EQ(data[first_tag],
            std::vector<std::uint8_t>(a.data.begin(), a.data.begin() + burst_bytes));
  EXPECT_EQ(data[first_tag + 1], std::vector<std::uint8_t>(std::size_t(burst_bytes), 0));
}

// The scoreboard's side: a write that never reached the device is undone at a reset, so a
// read of its address expects what the address held before it.
TEST(ResetScoreboard, DroppedWritesAreUndoneLatestFirst) {
  testbench::Scoreboard board(64);
  Request w1, w2, w3, r;
  w1.write = w2.write = w3.write = true;
  w1.data.fill(1);
  w2.data.fill(2);
  w3.data.fill(3);
  w3.mask = 0xFF;  // the first eight bytes
  board.accepted(0, w1, 10);
  board.completed({0, true, 10, 20, false, w1.data.data()});
  board.accepted(1, w2, 30);  // dropped,
  board.accepted(2, w3, 31);  // and this one on top of it
  board.reset(40);
  board.accepted(3, r, 50);
  board.completed({3, false, 50, 90, false, w1.data.data()});
  EXPECT_EQ(board.mismatches(), 0u);
  board.accepted(4, r, 60);
  board.completed({4, false, 60, 95, false, w2.data.data()});
  EXPECT_EQ(board.mismatches(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, Reset, ::testing::ValuesIn(kBackends), backend_test_name);

}  // namespace
}  // namespace mckit
