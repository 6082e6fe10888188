// The RTL controller (Verilated mc_top) clocked in a C++ loop against the DRAM device model:
// every command it issues is executed and checked there, read data come back from the
// device's store, and a scoreboard checks that every read returns the last data written.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <array>
#include <vector>

#include "common/request.h"
#include "ctrl/controller_config.h"
#include "dram/dram_device.h"
#include "stats/run_stats.h"
#include "workloads/request_source.h"

class Vmc_top;
class VerilatedContext;
class VerilatedFstC;

namespace mckit::sim {

struct WaveOptions {
  std::string path;               // .fst, or .vcd (converted with fst2vcd at the end)
  std::uint64_t start = 0;        // first cycle dumped
  std::uint64_t end = UINT64_MAX; // first cycle not dumped
};

struct RtlHarnessOptions {
  ctrl::ControllerConfig controller;
  std::optional<WaveOptions> waves;
  bool check_data = true;                 // keep a shadow memory and compare every read
  std::uint64_t stall_limit = 1'000'000;  // cycles without progress before the run fails
  // The controller's timing when it should differ from the device's, to prove the checker
  // watches the RTL (the device always keeps the preset's own timing).
  std::optional<dram::Timing> controller_timing;
};

// A command as the device saw it, with the request it served (for RD/WR).
struct IssuedCommand {
  dram::DramCommand command;
  std::uint32_t request_id = 0;
};

struct Completion {
  std::uint64_t sequence;  // order in which the request was offered, from 0
  bool write;
  std::uint64_t accept_cycle;
  std::uint64_t done_cycle;  // response cycle for reads, WR command cycle for writes
};

class RtlHarness {
 public:
  RtlHarness(const dram::DramPreset& preset, const RtlHarnessOptions& options);
  ~RtlHarness();
  RtlHarness(const RtlHarness&) = delete;
  RtlHarness& operator=(const RtlHarness&) = delete;

  // Offers every request of `source` as fast as the controller takes them and runs until
  // each is answered and every write has reached the device.
  stats::RunStats run(workloads::RequestSource& source);

  // Observers, called as it happens (tests use them to see order and timing).
  std::function<void(const IssuedCommand&)> on_command;
  std::function<void(const Completion&)> on_completion;

  // Holds requests back: offer the next one no earlier than this cycle.
  void set_request_gate(std::function<bool(std::uint64_t cycle, std::uint64_t sequence)> gate) {
    gate_ = std::move(gate);
  }

  std::uint64_t cycle() const { return cycle_; }
  const dram::DramDevice& device() const { return device_; }
  int burst_bytes() const { return burst_bytes_; }

 private:
  struct Slot {  // the data buffer beside mc_top, one entry per request id
    Request request;
    std::uint64_t sequence = 0;
    std::uint64_t accept_cycle = 0;
    std::array<std::uint8_t, kMaxBurstBytes> read_data{};
    std::array<std::uint8_t, kMaxBurstBytes> expected{};
  };

  void configure();
  void step(workloads::RequestSource& source, bool& source_done);
  void issue_to_device(std::uint64_t cycle);
  void accept_request(std::uint32_t id, std::uint64_t cycle);
  void complete_read(std::uint32_t id, std::uint64_t cycle);
  void record_violations();
  dram::DramCommand decode_command() const;
  void dump_wave(std::uint64_t time);
  void finish_waves();

  const dram::DramPreset preset_;
  const RtlHarnessOptions options_;
  const int burst_bytes_;
  dram::DramDevice device_;
  std::unique_ptr<VerilatedContext> context_;
  std::unique_ptr<Vmc_top> top_;
  std::unique_ptr<VerilatedFstC> trace_;
  std::string trace_fst_path_;

  std::vector<Slot> slots_;
  std::vector<std::uint32_t> free_ids_;
  std::deque<std::uint32_t> read_ids_in_flight_;  // RDs issued, in order
  std::optional<std::uint32_t> offered_;           // id of the request on the request port
  std::uint64_t next_sequence_ = 0;
  std::uint64_t outstanding_ = 0;
  std::uint64_t cycle_ = 0;
  std::uint64_t last_progress_ = 0;
  std::unordered_map<std::uint64_t, std::array<std::uint8_t, kMaxBurstBytes>> shadow_;
  std::function<bool(std::uint64_t, std::uint64_t)> gate_;
  stats::RunStats stats_;
  std::size_t violations_seen_ = 0;
};

}  // namespace mckit::sim
