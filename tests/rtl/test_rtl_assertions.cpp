// The RTL's assertions (rtl/mc_assert.svh) fire, by name and at the cycle of the fault: each
// kind is driven into its fault on a block Verilated on its own (with --assert, as every model
// of the build), and mc_top, through the RTL backend and through the SystemC top that
// `mckit run` uses, is sent read data for no read; its wait-bound checks are given a bound
// one cycle short of a wait. Faults the blocks' users never make are made here on purpose; the
// same sequences minus the fault pass.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <memory>
#include <optional>
#include <string>

#include "Vmc_refresh.h"
#include "Vmc_req_queue.h"
#include "Vmc_rsp_path.h"
#include "Vmc_timing.h"
#include "backend.h"
#include "ctrl/controller_params.h"
#include "dram/dram_command.h"
#include "dram/dram_preset.h"
#include "rtl/rtl_assertion.h"
#include "rtl/rtl_controller.h"
#include "rtl/verilated_reset.h"
#include "rtl_test_support.h"
#include "testbench/tlm_top.h"
#include "verilated.h"

namespace mckit {
namespace {

// A Verilated block on its own: set its inputs through ->, then clock() for one rising edge.
template <class V>
class Block {
 public:
  Block() : context_(std::make_unique<VerilatedContext>()),
            top_(std::make_unique<V>(context_.get(), "block")) {
    sim::reset_two_cycles(*top_);
  }
  ~Block() { top_->final(); }

  V* operator->() { return top_.get(); }

  // The edge of cycle now(); a failed assertion throws sim::RtlAssertionFailure.
  void clock() {
    V& t = *top_;
    t.eval();
    t.clk_i = 1;
    sim::eval_at(t, cycle_);
    t.clk_i = 0;
    t.eval();
    ++cycle_;
  }
  std::uint64_t now() const { return cycle_; }

 private:
  std::unique_ptr<VerilatedContext> context_;
  std::unique_ptr<V> top_;
  std::uint64_t cycle_ = 0;
};

// `drive` must end with the assertion `name` (its place in the design) failing at `cycle`.
void expect_assertion(const std::function<void()>& drive, const std::string& name,
                      std::uint64_t cycle) {
  try {
    drive();
  } catch (const sim::RtlAssertionFailure& e) {
    EXPECT_EQ(e.assertion(), name);
    EXPECT_EQ(e.cycle(), cycle);
    EXPECT_EQ(std::string(e.what()),
              "RTL assertion " + name + " failed at cycle " + std::to_string(cycle));
    return;
  }
  ADD_FAILURE() << "no assertion failed; expected " << name << " at cycle " << cycle;
}

constexpr std::uint8_t cmd(dram::Command c) { return static_cast<std::uint8_t>(c); }

// ---- Bank state (mc_timing) --------------------------------------------------------------
// All timings zero, every bank present: only the bank state the assertions watch matters.
class Timing : public ::testing::Test {
 protected:
  Timing() { b->present_i = ~0ull; }
  void issue(dram::Command c, unsigned bank, unsigned row) {
    b->cmd_i = cmd(c);
    b->bank_i = bank;
    b->row_i = row;
    b.clock();
  }
  Block<Vmc_timing> b;
};

TEST_F(Timing, RowCommandsToTheirBankStatePass) {
  issue(dram::Command::ACT, 5, 7);
  issue(dram::Command::RD, 5, 7);
  issue(dram::Command::WRA, 5, 7);  // closes bank 5
  issue(dram::Command::ACT, 5, 9);
  issue(dram::Command::PREA, 0, 0);
  issue(dram::Command::REF, 0, 0);
  EXPECT_EQ(b->open_o, 0u);
}

TEST_F(Timing, ActToAnOpenBankIsNamed) {
  issue(dram::Command::ACT, 5, 7);
  expect_assertion([&] { issue(dram::Command::ACT, 5, 9); }, "mc_timing.ActToClosedBank_A", 1);
}

TEST_F(Timing, ReadOfAClosedBankIsNamed) {
  issue(dram::Command::ACT, 5, 7);
  issue(dram::Command::PRE, 5, 0);
  expect_assertion([&] { issue(dram::Command::RD, 5, 7); }, "mc_timing.ColToOpenBank_A", 2);
}

TEST_F(Timing, WriteToAnotherRowIsNamed) {
  issue(dram::Command::ACT, 2, 7);
  expect_assertion([&] { issue(dram::Command::WR, 2, 8); }, "mc_timing.ColToOpenRow_A", 1);
}

TEST_F(Timing, RefreshOfARankWithAnOpenBankIsNamed) {
  issue(dram::Command::ACT, 33, 1);  // rank 1
  issue(dram::Command::REF, 0, 0);   // rank 0: closed
  expect_assertion([&] { issue(dram::Command::REF, 32, 0); }, "mc_timing.RefToClosedRank_A", 2);
}

// ---- Request queue (mc_req_queue, 32 entries) ---------------------------------------------
class ReqQueue : public ::testing::Test {
 protected:
  void push() {
    b->push_i = 1;
    b.clock();
    b->push_i = 0;
  }
  Block<Vmc_req_queue> b;
};

TEST_F(ReqQueue, PushIntoAFullQueueIsNamed) {
  for (int i = 0; i < 32; ++i) push();
  b->eval();
  ASSERT_EQ(b->count_o, 32u);
  ASSERT_TRUE(b->full_o);
  expect_assertion([&] { push(); }, "mc_req_queue.PushNotFull_A", 32);
}

TEST_F(ReqQueue, PopOfAnEmptySlotIsNamed) {
  push();  // slot 0
  b->sel_idx_i = 0;
  b->pop_i = 1;
  b.clock();
  expect_assertion([&] { b.clock(); }, "mc_req_queue.ServeQueuedEntry_A", 2);
}

// ---- Refresh debt (mc_refresh) ------------------------------------------------------------
// One rank with demand queued, all-bank refresh, tREFI 4 cycles: refreshes fall due at the edges of cycles 3, 7,
// 11, ... With postpone 2, the second one forces a REF.
class Refresh : public ::testing::Test {
 protected:
  Refresh() {
    b->enable_i = 1;
    b->present_i = 1;
    b->refi_i = 4;
    b->postpone_i = 2;
    b->units_i = 1;       // all-bank refresh (kind_i 0)
    b->bank_used_i = 1;   // a request queued for bank 0 of rank 0
  }
  void run_to(std::uint64_t cycle) {
    while (b.now() < cycle) b.clock();
  }
  Block<Vmc_refresh> b;
};

TEST_F(Refresh, ARefreshUnpaidPastItsForcingIsNamed) {
  run_to(4);
  b->eval();
  EXPECT_EQ(b->pending_o, 1u);
  EXPECT_EQ(b->active_o, 0u);  // postponed: the rank has demand
  run_to(8);
  b->eval();
  EXPECT_EQ(b->pending_o, 2u);
  EXPECT_EQ(b->active_o, 1u);  // forced
  run_to(12);                  // no REF comes: a third falls due at the edge of cycle 11
  expect_assertion([&] { b.clock(); }, "mc_refresh.g_rank[0].OwedWithinPostpone_A", 12);
}

// The same with each forced REF issued as soon as it is asked for: ten fall due by the edge of
// cycle 39, eight are paid, and the debt never passes the limit.
TEST_F(Refresh, ForcedRefreshesKeepTheDebtWithinTheLimit) {
  int refs = 0;
  while (b.now() < 40) {
    b->eval();
    b->ref_issued_i = b->active_o;
    refs += b->active_o;
    b.clock();
  }
  b->eval();
  EXPECT_EQ(refs, 8);
  EXPECT_EQ(b->pending_o, 2u);
}

TEST_F(Refresh, ARefreshNotOwedIsNamed) {
  b->ref_issued_i = 1;
  b->ref_rank_i = 0;
  expect_assertion([&] { b.clock(); }, "mc_refresh.g_rank[0].RefOnlyWhenOwed_A", 0);
}

// ---- Response path (mc_rsp_path: 32 outstanding, 16 in flight) ----------------------------
class RspPath : public ::testing::Test {
 protected:
  RspPath() { b->rsp_ready_i = 0; }
  Block<Vmc_rsp_path> b;
};

TEST_F(RspPath, ReadDataForNoReadIsNamed) {
  b->rd_issued_i = 1;
  b.clock();
  b->rd_issued_i = 0;
  b->rddata_valid_i = 1;
  b.clock();  // the data of that read
  expect_assertion([&] { b.clock(); }, "mc_rsp_path.RdDataForIssuedRead_A", 2);
}

TEST_F(RspPath, ARead17thInFlightIsNamed) {
  b->rd_issued_i = 1;
  for (int i = 0; i < 16; ++i) b.clock();
  b->eval();
  ASSERT_TRUE(b->in_flight_full_o);
  expect_assertion([&] { b.clock(); }, "mc_rsp_path.InFlightPushNotFull_A", 16);
}

TEST_F(RspPath, AReadAcceptedWithoutCreditIsNamed) {
  b->accept_read_i = 1;
  for (int i = 0; i < 32; ++i) b.clock();
  b->eval();
  ASSERT_FALSE(b->can_accept_o);
  expect_assertion([&] { b.clock(); }, "mc_rsp_path.AcceptWithinOutstanding_A", 32);
}

// Reads issued and answered one a cycle, none accepted: their responses fill the FIFO, which
// the outstanding count would have prevented.
TEST_F(RspPath, AResponseIntoAFullFifoIsNamed) {
  b->rd_issued_i = 1;
  b.clock();
  b->rddata_valid_i = 1;
  for (int i = 0; i < 32; ++i) b.clock();
  b->eval();
  ASSERT_TRUE(b->rsp_valid_o);
  expect_assertion([&] { b.clock(); }, "mc_rsp_path.RspFifoNoOverflow_A", 33);
}

// ---- mc_top ---------------------------------------------------------------------------------
const dram::DramPreset& ddr4() {
  static const dram::DramPreset p = dram::load_preset("ddr4-3200");
  return p;
}

// The RTL backend with read data arriving at cycle `at` (sent by no read).
class SpuriousReadData : public ctrl::ControllerCore {
 public:
  explicit SpuriousReadData(std::uint64_t at, const sim::CoreOptions& options = {})
      : core_(sim::make_core(ddr4(), options)), at_(at) {}
  void cycle(const ctrl::CoreInputs& in, ctrl::CoreOutputs& out) override {
    ctrl::CoreInputs with = in;
    if (core_->now() == at_) with.read_data_valid = true;
    core_->cycle(with, out);
  }
  std::uint64_t now() const override { return core_->now(); }
  void reset() override { core_->reset(); }
  ctrl::PfBufferCounters prefetch_counters() const override { return core_->prefetch_counters(); }

 private:
  std::unique_ptr<ctrl::ControllerCore> core_;
  std::uint64_t at_;
};

TEST(McTopAssertion, ReadDataForNoReadIsNamedWithItsCycle) {
  SpuriousReadData core(5);
  ctrl::CoreOutputs out;
  for (int c = 0; c < 5; ++c) core.cycle({}, out);
  expect_assertion([&] { core.cycle({}, out); }, "mc_top.u_rsp_path.RdDataForIssuedRead_A", 5);
}

// The waves of a run an assertion ends are kept, with their save file, up to the failure:
// debugging it starts there.
TEST(McTopAssertion, KeepsTheWavesUpToTheFailure) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("mckit_assert_waves_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  sim::CoreOptions options;
  options.waves = sim::WaveOptions{(dir / "fail.vcd").string()};
  {
    SpuriousReadData core(5, options);
    ctrl::CoreOutputs out;
    for (int c = 0; c < 5; ++c) core.cycle({}, out);
    expect_assertion([&] { core.cycle({}, out); }, "mc_top.u_rsp_path.RdDataForIssuedRead_A", 5);
  }
  std::ifstream vcd(dir / "fail.vcd");
  std::stringstream text;
  text << vcd.rdbuf();
  // DDR4-3200: tCK 625 ps; cycle 4's rising edge ends the dump at 5 x 625 ps.
  EXPECT_NE(text.str().find("\n#3125\n"), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(dir / "fail.gtkw"));
  std::filesystem::remove_all(dir);
}

// The path of `mckit run`: the failure leaves the SystemC run as its exception (the program
// prints it as its one line and exits 3). Cycle 2 is before any read can be on the bus.
TEST(McTopAssertion, EndsARunThroughTheSystemCTop) {
  test::VectorSource source({test::read_at(0), test::read_at(4096)});
  expect_assertion(
      [&] {
        testbench::run_tlm(ddr4(), std::make_unique<SpuriousReadData>(2), source, {});
      },
      "mc_top.u_rsp_path.RdDataForIssuedRead_A", 2);
}

// ---- Bounded waits (mc_top) -----------------------------------------------------------------
// mc_top as derive_controller_params configures it for DDR4-3200 under `scheduler`, but for the
// wait bound, which a test sets short on purpose.
ctrl::ControllerParams with_wait_bound(ctrl::Scheduler scheduler, std::uint32_t bound) {
  ctrl::ControllerConfig config;
  config.scheduler = scheduler;
  ctrl::ControllerParams params = ctrl::derive_controller_params(ddr4(), config);
  params.wait_bound = bound;
  return params;
}

// One request to a closed bank, accepted at cycle 0 by an idle controller: its ACT is on the
// bus at cycle 3 and its column command tRCD (= tRCDWR) = 22 cycles later, at cycle 25, a wait
// of 25 cycles. Returns the cycle of the column command.
std::uint64_t serve_one(sim::RtlController& core, bool write) {
  ctrl::CoreInputs in;
  in.request_valid = true;
  in.request.write = write;
  ctrl::CoreOutputs out;
  core.cycle(in, out);
  EXPECT_TRUE(out.request_ready);
  in.request_valid = false;
  while (core.now() < 100) {
    core.cycle(in, out);
    if (dram::is_column(out.command.cmd)) return out.command.cycle;
  }
  ADD_FAILURE() << "no column command by cycle 100";
  return 0;
}

TEST(McTopWaitBound, AWaitWithinItsBoundPasses) {
  sim::RtlController writes(ddr4(), with_wait_bound(ctrl::Scheduler::FrFcfs, 25));
  EXPECT_EQ(serve_one(writes, true), 25u);
  sim::RtlController reads(ddr4(), with_wait_bound(ctrl::Scheduler::Fcfs, 25));
  EXPECT_EQ(serve_one(reads, false), 25u);
}

// With a bound of 24 the request is still queued in cycle 24 (its column command is decided
// then, on the bus in 25): the check fires in that cycle, the first that proves the bound
// passed.
TEST(McTopWaitBound, AWritePastItsBoundIsNamed) {
  sim::RtlController core(ddr4(), with_wait_bound(ctrl::Scheduler::FrFcfs, 24));
  expect_assertion([&] { serve_one(core, true); }, "mc_top.WriteWaitWithinBound_A", 24);
}

TEST(McTopWaitBound, AReadPastItsBoundIsNamed) {
  sim::RtlController core(ddr4(), with_wait_bound(ctrl::Scheduler::Fcfs, 24));
  expect_assertion([&] { serve_one(core, false); }, "mc_top.ReadWaitWithinBound_A", 24);
}

// Plain FR-FCFS bounds no read's wait: the read queue is not checked.
TEST(McTopWaitBound, ReadsUnderPlainFrFcfsAreNotChecked) {
  sim::RtlController core(ddr4(), with_wait_bound(ctrl::Scheduler::FrFcfs, 24));
  EXPECT_EQ(serve_one(core, false), 25u);
}

// The RTL backend that notes the cycle its first write is accepted.
class FirstWriteWatch : public ctrl::ControllerCore {
 public:
  explicit FirstWriteWatch(const ctrl::ControllerParams& params) : core_(ddr4(), params) {}
  void cycle(const ctrl::CoreInputs& in, ctrl::CoreOutputs& out) override {
    const std::uint64_t now = core_.now();
    core_.cycle(in, out);
    if (in.request_valid && in.request.write && out.request_ready && !first_write_)
      first_write_ = now;
  }
  std::uint64_t now() const override { return core_.now(); }
  void reset() override { core_.reset(); }
  ctrl::PfBufferCounters prefetch_counters() const override { return core_.prefetch_counters(); }
  std::optional<std::uint64_t> first_write() const { return first_write_; }

 private:
  sim::RtlController core_;
  std::optional<std::uint64_t> first_write_;
};

// Real traffic: reads as fast as the controller takes them keep the read queue busy, so the one
// write is served only once past the age cap C = 256 (test_wait_bound.cpp). Filed the cycle
// after its acceptance A, it is past the cap at A + 1 + C and on the bus at A + C + 2 at the
// earliest: with a bound of C + 1 the write check fires at A + C + 1.
TEST(McTopWaitBound, OnRealTrafficAWriteTheCapHoldsBackIsNamed) {
  ctrl::ControllerConfig config;
  config.age_cap = 256;
  ctrl::ControllerParams params = ctrl::derive_controller_params(ddr4(), config);
  params.wait_bound = 257;
  auto core = std::make_unique<FirstWriteWatch>(params);
  const FirstWriteWatch& watch = *core;
  testbench::Harness h(ddr4(), std::move(core));
  test::TrickleSource source(ddr4(), 1000, 1000, 1, 7);
  try {
    h.run(source);
  } catch (const sim::RtlAssertionFailure& e) {
    ASSERT_TRUE(watch.first_write().has_value());
    EXPECT_EQ(e.assertion(), "mc_top.WriteWaitWithinBound_A");
    EXPECT_EQ(e.cycle(), *watch.first_write() + 257);
    return;
  }
  ADD_FAILURE() << "no assertion failed";
}

}  // namespace
}  // namespace mckit
