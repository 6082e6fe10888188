// The controller as a TLM-2.0 target, on the C++ reference controller: loosely-timed and
// approximately-timed payloads, bursts split and reassembled, byte enables, errors, the
// payload pool, the SystemC top against the bare harness, and responses held back by the
// initiator (END_RESP late).
//
// SystemC elaborates once per process and every test here runs its own simulation: CTest
// runs each test in its own process; by hand, run one at a time with --gtest_filter.
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>

#include "ctrl/memory_system.h"
#include "ctrl/reference_controller.h"
#include "dram/dram_preset.h"
#include "testbench/harness.h"
#include "testbench/scoreboard.h"
#include "testbench/tlm_initiator.h"
#include "testbench/tlm_top.h"
#include "tlm/controller_target.h"
#include "tlm/payload_pool.h"
#include "tlm/simulate.h"
#include "workloads/microbench.h"
#include "workloads/workload_registry.h"

namespace mckit {
namespace {

using sc_core::sc_time;
using sc_core::SC_NS;

dram::DramPreset ddr4() { return dram::load_preset("ddr4-3200"); }

std::unique_ptr<ctrl::MemorySystem> memory_system(const dram::DramPreset& p) {
  return std::make_unique<ctrl::MemorySystem>(
      p, std::make_unique<ctrl::ReferenceController>(p, ctrl::ControllerConfig{}));
}

std::vector<unsigned char> pattern(std::size_t n, unsigned seed) {
  std::vector<unsigned char> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<unsigned char>(seed + 7 * i + (i >> 3));
  return v;
}

// An initiator whose test body runs as its SystemC thread and then stops the simulation.
struct Probe : sc_core::sc_module {
  tlm_utils::simple_initiator_socket<Probe> socket;
  std::function<void(Probe&)> body;
  // AT responses, in arrival order, with the time they were annotated for.
  std::vector<std::pair<tlm::tlm_generic_payload*, sc_time>> responses;
  bool accept_responses_later = false;  // answer BEGIN_RESP with TLM_ACCEPTED, END_RESP later
  sc_core::sc_event response_arrived;

  explicit Probe(sc_core::sc_module_name name) : sc_module(name), socket("socket") {
    socket.register_nb_transport_bw(this, &Probe::nb_transport_bw);
    SC_HAS_PROCESS(Probe);
    SC_THREAD(run);
  }
  void run() {
    body(*this);
    sc_core::sc_stop();
  }
  tlm::tlm_sync_enum nb_transport_bw(tlm::tlm_generic_payload& p, tlm::tlm_phase& phase,
                                     sc_time& delay) {
    EXPECT_EQ(phase, tlm::BEGIN_RESP);
    responses.emplace_back(&p, sc_core::sc_time_stamp() + delay);
    response_arrived.notify(delay);
    return accept_responses_later ? tlm::TLM_ACCEPTED : tlm::TLM_COMPLETED;
  }
  // Loosely timed: one blocking transfer.
  tlm::tlm_response_status transfer(tlm::tlm_command cmd, std::uint64_t addr,
                                    std::vector<unsigned char>& data,
                                    const std::vector<unsigned char>& enables = {}) {
    tlm::tlm_generic_payload p;
    p.set_command(cmd);
    p.set_address(addr);
    p.set_data_ptr(data.data());
    p.set_data_length(unsigned(data.size()));
    p.set_streaming_width(unsigned(data.size()));
    if (!enables.empty()) {
      p.set_byte_enable_ptr(const_cast<unsigned char*>(enables.data()));
      p.set_byte_enable_length(unsigned(enables.size()));
    }
    p.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    sc_time delay = sc_core::SC_ZERO_TIME;
    socket->b_transport(p, delay);
    wait(delay);
    return p.get_response_status();
  }
};

struct Bench {
  dram::DramPreset preset = ddr4();
  tlm_models::ControllerTarget target{"controller", memory_system(preset)};
  Probe probe{"probe"};
  Bench() { probe.socket.bind(target.socket); }
  void run(std::function<void(Probe&)> body) {
    probe.body = std::move(body);
    tlm_models::simulate();
    target.rethrow_error();
  }
};

// ---- Loosely timed -----------------------------------------------------------------------

TEST(TlmTarget, UnalignedWriteSpanningBurstsReadsBackAndTakesTime) {
  Bench b;
  const std::uint64_t addr = 0x1010;  // 16 bytes into a burst; 256 bytes span five bursts
  b.run([&](Probe& p) {
    std::vector<unsigned char> written = pattern(256, 3);
    EXPECT_EQ(p.transfer(tlm::TLM_WRITE_COMMAND, addr, written), tlm::TLM_OK_RESPONSE);
    const sc_time after_write = sc_core::sc_time_stamp();
    std::vector<unsigned char> read(320, 0xEE);  // from 0x1000: 16 bytes before, 48 after
    EXPECT_EQ(p.transfer(tlm::TLM_READ_COMMAND, 0x1000, read), tlm::TLM_OK_RESPONSE);
    for (std::size_t i = 0; i < 16; ++i) EXPECT_EQ(read[i], 0) << i;
    for (std::size_t i = 0; i < 256; ++i) ASSERT_EQ(read[16 + i], written[i]) << i;
    for (std::size_t i = 272; i < 320; ++i) EXPECT_EQ(read[i], 0) << i;
    // A read of a closed row costs at least tRCD + tCL + tBL.
    const auto& t = b.preset.timing;
    EXPECT_GE((sc_core::sc_time_stamp() - after_write).to_seconds() * 1e9,
              (t.tRCD + t.tCL + t.tBL) * b.preset.tck_ns());
  });
  const ctrl::MemorySystem& m = b.target.memory();
  EXPECT_EQ(m.device().count(dram::Command::WR), 5u);
  EXPECT_EQ(m.device().count(dram::Command::RD), 5u);
  EXPECT_TRUE(m.device().violations().empty());
}

TEST(TlmTarget, ByteEnablesWriteOnlyTheEnabledBytes) {
  Bench b;
  b.run([&](Probe& p) {
    std::vector<unsigned char> base = pattern(128, 1);
    EXPECT_EQ(p.transfer(tlm::TLM_WRITE_COMMAND, 0x4000, base), tlm::TLM_OK_RESPONSE);
    // Every other byte, from a two-byte enable pattern repeated over the payload.
    std::vector<unsigned char> over(128, 0xAB);
    const std::vector<unsigned char> enables{TLM_BYTE_ENABLED, TLM_BYTE_DISABLED};
    EXPECT_EQ(p.transfer(tlm::TLM_WRITE_COMMAND, 0x4000, over, enables), tlm::TLM_OK_RESPONSE);
    std::vector<unsigned char> read(128);
    EXPECT_EQ(p.transfer(tlm::TLM_READ_COMMAND, 0x4000, read), tlm::TLM_OK_RESPONSE);
    for (std::size_t i = 0; i < 128; ++i)
      ASSERT_EQ(read[i], i % 2 == 0 ? 0xAB : base[i]) << i;
    // A read with byte enables leaves the disabled bytes of its buffer alone.
    std::vector<unsigned char> masked(128, 0x55);
    EXPECT_EQ(p.transfer(tlm::TLM_READ_COMMAND, 0x4000, masked, enables), tlm::TLM_OK_RESPONSE);
    for (std::size_t i = 0; i < 128; ++i) ASSERT_EQ(masked[i], i % 2 == 0 ? 0xAB : 0x55) << i;
  });
}

TEST(TlmTarget, RefusesWhatIsNotMemory) {
  Bench b;
  const std::uint64_t capacity = b.preset.capacity_bytes();
  b.run([&](Probe& p) {
    std::vector<unsigned char> data(64);
    EXPECT_EQ(p.transfer(tlm::TLM_READ_COMMAND, capacity, data), tlm::TLM_ADDRESS_ERROR_RESPONSE);
    EXPECT_EQ(p.transfer(tlm::TLM_WRITE_COMMAND, capacity - 32, data),
              tlm::TLM_ADDRESS_ERROR_RESPONSE);

    tlm::tlm_generic_payload streaming;
    streaming.set_command(tlm::TLM_WRITE_COMMAND);
    streaming.set_address(0);
    streaming.set_data_ptr(data.data());
    streaming.set_data_length(64);
    streaming.set_streaming_width(4);
    sc_time delay = sc_core::SC_ZERO_TIME;
    p.socket->b_transport(streaming, delay);
    EXPECT_EQ(streaming.get_response_status(), tlm::TLM_BURST_ERROR_RESPONSE);
  });
  EXPECT_EQ(b.target.memory().device().commands(), 0u);
}

// ---- Approximately timed -----------------------------------------------------------------

TEST(TlmTarget, ManyReadsOutstandingThroughTheFourPhases) {
  Bench b;
  constexpr int kReads = 24;
  tlm_models::PayloadPool pool(64);
  b.probe.accept_responses_later = true;  // exercise END_RESP from the initiator
  std::vector<std::vector<unsigned char>> written;
  b.run([&](Probe& p) {
    for (int i = 0; i < kReads; ++i) {  // one burst each, over eight banks and three rows
      written.push_back(pattern(64, unsigned(i)));
      const std::uint64_t addr = std::uint64_t(i) * 64 * 1024;
      EXPECT_EQ(p.transfer(tlm::TLM_WRITE_COMMAND, addr, written.back()), tlm::TLM_OK_RESPONSE);
    }
    const sc_time start = sc_core::sc_time_stamp();
    for (int i = 0; i < kReads; ++i) {
      tlm::tlm_generic_payload* gp = pool.acquire();
      gp->set_command(tlm::TLM_READ_COMMAND);
      gp->set_address(std::uint64_t(i) * 64 * 1024);
      tlm::tlm_phase phase = tlm::BEGIN_REQ;
      sc_time delay = sc_core::SC_ZERO_TIME;
      // The target takes every request at once: END_REQ in the return path.
      EXPECT_EQ(p.socket->nb_transport_fw(*gp, phase, delay), tlm::TLM_UPDATED);
      EXPECT_EQ(phase, tlm::END_REQ);
    }
    EXPECT_EQ(b.target.open_transactions(), std::size_t(kReads));
    for (std::size_t seen = 0; seen < kReads;) {
      while (p.responses.size() == seen) wait(p.response_arrived);
      tlm::tlm_generic_payload* gp = p.responses[seen].first;
      EXPECT_GE(p.responses[seen].second, start);
      ++seen;
      // Until END_RESP the target holds back every further response.
      wait(sc_time(20, SC_NS));
      EXPECT_EQ(p.responses.size(), seen);
      tlm::tlm_phase phase = tlm::END_RESP;
      sc_time delay = sc_core::SC_ZERO_TIME;
      EXPECT_EQ(p.socket->nb_transport_fw(*gp, phase, delay), tlm::TLM_COMPLETED);
    }
  });
  ASSERT_EQ(b.probe.responses.size(), std::size_t(kReads));
  std::vector<bool> seen(kReads, false);
  for (const auto& [gp, when] : b.probe.responses) {
    EXPECT_EQ(gp->get_response_status(), tlm::TLM_OK_RESPONSE);
    const int i = int(gp->get_address() / (64 * 1024));
    seen[std::size_t(i)] = true;
    EXPECT_EQ(std::vector<unsigned char>(gp->get_data_ptr(), gp->get_data_ptr() + 64),
              written[std::size_t(i)]);
    gp->release();
  }
  for (int i = 0; i < kReads; ++i) EXPECT_TRUE(seen[std::size_t(i)]) << i;
  EXPECT_EQ(pool.in_use(), 0u);
  EXPECT_EQ(pool.allocated(), std::size_t(kReads));
  EXPECT_EQ(b.target.open_transactions(), 0u);
}

// ---- The SystemC top against the bare harness ---------------------------------------------

stats::RunStats run_bare(const dram::DramPreset& p, const workloads::WorkloadParams& w) {
  testbench::Harness h(p, std::make_unique<ctrl::ReferenceController>(p, ctrl::ControllerConfig{}));
  const auto source = workloads::make_workload(w);
  return h.run(*source);
}

workloads::WorkloadParams random_workload(const dram::DramPreset& p) {
  workloads::WorkloadParams w;
  w.name = "random";
  w.requests = 20000;
  w.seed = 5;
  w.burst_bytes = p.org.bytes_per_burst();
  w.capacity = p.capacity_bytes();
  w.footprint = 1ull << 20;  // small: forwarding and same-address hazards happen
  w.read_fraction = 0.7;
  return w;
}

stats::RunStats run_systemc(const dram::DramPreset& p, const workloads::WorkloadParams& w,
                            const testbench::TlmRunOptions& o) {
  const auto source = workloads::make_workload(w);
  return testbench::run_tlm(
      p, std::make_unique<ctrl::ReferenceController>(p, ctrl::ControllerConfig{}), *source, o);
}

TEST(TlmTop, ClosedLoopGivesTheBareHarnessFiguresCycleForCycle) {
  const dram::DramPreset p = ddr4();
  const workloads::WorkloadParams w = random_workload(p);
  const stats::RunStats bare = run_bare(p, w);
  testbench::TlmRunOptions o;
  o.quantum_cycles = 1000;  // many syncs in the run
  const stats::RunStats tlm = run_systemc(p, w, o);
  EXPECT_TRUE(tlm.clean());
  EXPECT_GT(tlm.forwarded_reads, 0u);
  EXPECT_EQ(tlm.cycles, bare.cycles);
  EXPECT_EQ(tlm.commands, bare.commands);
  EXPECT_EQ(tlm.read_latency.histogram(), bare.read_latency.histogram());
  EXPECT_EQ(tlm.row_conflicts, bare.row_conflicts);
  EXPECT_EQ(tlm.forwarded_reads, bare.forwarded_reads);
  EXPECT_DOUBLE_EQ(tlm.energy.total(), bare.energy.total());
}

TEST(TlmTop, ABoundOnOutstandingRequestsBoundsTheQueues) {
  const dram::DramPreset p = ddr4();
  const workloads::WorkloadParams w = random_workload(p);
  const stats::RunStats bare = run_bare(p, w);
  testbench::TlmRunOptions o;
  o.initiator.max_outstanding = 2;
  const stats::RunStats two = run_systemc(p, w, o);
  EXPECT_TRUE(two.clean());
  EXPECT_EQ(two.requests(), w.requests);
  // Two in flight cannot keep the banks busy: less bandwidth, far less queueing.
  EXPECT_LT(two.bandwidth_gbps(), 0.6 * bare.bandwidth_gbps());
  EXPECT_LT(two.read_latency.mean(), 0.5 * bare.read_latency.mean());
}

TEST(TlmTop, OpenLoopOffersAtTheRateAsked) {
  const dram::DramPreset p = ddr4();
  workloads::WorkloadParams w = random_workload(p);
  w.requests = 5000;
  testbench::TlmRunOptions o;
  o.initiator.interval_cycles = 40;  // 64 B every 25 ns: 2.56 GB/s, far below what it serves
  const stats::RunStats s = run_systemc(p, w, o);
  EXPECT_TRUE(s.clean());
  // The last request is offered at (n - 1) x 40 cycles and served soon after.
  EXPECT_GE(s.cycles, (w.requests - 1) * 40);
  EXPECT_LT(s.cycles, (w.requests - 1) * 40 + 2000);
  EXPECT_NEAR(s.bandwidth_gbps(), 64.0 / (40 * p.tck_ns()), 0.05);
}

// ---- Responses held back by the initiator --------------------------------------------------
// The initiator answers BEGIN_RESP with TLM_ACCEPTED and sends END_RESP `delay()` cycles
// later; meanwhile the target must hold every further response (the base protocol's response
// exclusion rule; the initiator reports a BEGIN_RESP that comes early), and still deliver all
// of them, in the order the controller completed them, with their data. Random reads, full
// and partial writes over a small footprint, 64 in flight. The data each read returns follows
// from the workload's order alone (the front end takes requests in order), so the test's own
// memory, updated as payloads are sent, tells it, whatever the delays: every delay pattern
// gives the same results but for timing.
struct HeldResponses {
  std::uint64_t delivered = 0, wrong_data = 0, held_back = 0;
  bool in_completion_order = false;
  stats::RunStats stats;
};

HeldResponses run_held(std::function<std::uint64_t()> delay) {
  constexpr std::uint64_t kRequests = 6000;
  const dram::DramPreset p = ddr4();
  const int burst = p.org.bytes_per_burst();
  tlm_models::ControllerTarget target("controller", memory_system(p));
  testbench::Scoreboard board(burst);
  target.memory().add_observer(&board);
  // The order in which the controller completed the requests (by acceptance, which is the
  // workload's order).
  struct Order : ctrl::MemoryObserver {
    std::map<std::uint64_t, std::uint64_t> index;  // tag -> request
    std::uint64_t next = 0;
    std::vector<std::uint64_t> sequence;
    void accepted(std::uint64_t tag, const Request&, std::uint64_t) override {
      index[tag] = next++;
    }
    void completed(const ctrl::Completion& c) override {
      sequence.push_back(index.at(c.tag));
      index.erase(c.tag);
    }
  } order;
  target.memory().add_observer(&order);

  workloads::RandomParams rp;
  rp.count = kRequests;
  rp.seed = 81;
  rp.footprint = 64 * 64;  // addresses repeat: forwards and same-address waits
  rp.burst_bytes = burst;
  rp.read_fraction = 0.6;
  rp.partial_write_fraction = 0.3;
  workloads::RandomSource source(rp);
  testbench::InitiatorOptions o;
  o.max_outstanding = 64;
  o.end_resp_delay = std::move(delay);
  testbench::TlmInitiator initiator("initiator", source, burst, target.tck(), o);
  initiator.socket.bind(target.socket);

  std::map<std::uint64_t, std::array<std::uint8_t, kMaxBurstBytes>> memory;  // by address
  std::map<const tlm::tlm_generic_payload*, std::pair<std::uint64_t, std::vector<std::uint8_t>>>
      expected;  // request and data of each read in flight
  std::uint64_t sent = 0;
  std::vector<std::uint64_t> delivered;
  HeldResponses r;
  initiator.on_request = [&](const tlm::tlm_generic_payload& gp) {
    const std::uint64_t k = sent++;
    std::array<std::uint8_t, kMaxBurstBytes>& m = memory[gp.get_address()];
    const unsigned char* enables = gp.get_byte_enable_ptr();
    if (gp.is_write()) {
      for (int i = 0; i < burst; ++i)
        if (!enables || enables[i] == TLM_BYTE_ENABLED) m[std::size_t(i)] = gp.get_data_ptr()[i];
    }
    expected[&gp] = {k, std::vector<std::uint8_t>(m.begin(), m.begin() + burst)};
  };
  initiator.on_response = [&](const tlm::tlm_generic_payload& gp) {
    const auto& [k, data] = expected.at(&gp);
    delivered.push_back(k);
    if (gp.is_read() && !std::equal(data.begin(), data.end(), gp.get_data_ptr())) ++r.wrong_data;
    expected.erase(&gp);
  };
  sc_core::sc_report_handler::set_actions("/OSCI/SystemC", sc_core::SC_INFO,
                                          sc_core::SC_DO_NOTHING);
  tlm_models::simulate();
  initiator.rethrow_error();
  target.rethrow_error();
  r.stats = target.memory().finish();
  r.stats.data_mismatches = board.mismatches();
  r.delivered = delivered.size();
  r.in_completion_order = delivered == order.sequence;
  r.held_back = target.responses_held_back();
  EXPECT_EQ(target.open_transactions(), 0u);
  EXPECT_EQ(r.stats.requests(), kRequests);
  EXPECT_EQ(r.stats.unanswered, 0u);
  EXPECT_EQ(r.stats.violations, 0u);
  EXPECT_EQ(r.stats.data_mismatches, 0u);
  EXPECT_GT(r.stats.forwarded_reads, 0u);
  EXPECT_EQ(r.delivered, kRequests) << "a response was lost";
  EXPECT_TRUE(r.in_completion_order) << "responses were delivered out of the controller's order";
  EXPECT_EQ(r.wrong_data, 0u);
  return r;
}

TEST(TlmHeldResponses, CompletedOnTheSpotNoneIsHeld) {
  const HeldResponses r = run_held({});
  EXPECT_EQ(r.held_back, 0u);
}

TEST(TlmHeldResponses, RandomDelaysUpToFortyCycles) {
  std::mt19937_64 rng(82);
  const HeldResponses r = run_held([&rng] { return rng() % 41; });
  EXPECT_GT(r.held_back, 100u) << "the target seldom had to hold a response";
}

TEST(TlmHeldResponses, EveryResponseHeldTwoHundredCycles) {
  const HeldResponses r = run_held([] { return 200; });
  EXPECT_GT(r.held_back, 1000u);
}

TEST(TlmHeldResponses, EndRespInTheSameCycle) {
  const HeldResponses r = run_held([] { return 0; });
  EXPECT_GT(r.stats.reads, 0u);
}

}  // namespace
}  // namespace mckit
