// A controller core clocked against the DRAM device model: every command it issues is
// executed and checked by the device, write data go from the data buffer beside the core to
// the device, read data come back from the device's store. Whoever feeds it (a C++ loop, a
// TLM target) offers one request at a time and hears, through an observer, when each is
// accepted and completed.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "common/request.h"
#include "ctrl/controller_core.h"
#include "dram/dram_device.h"
#include "stats/run_stats.h"

namespace mckit::ctrl {

// A command as the device saw it, with the request it served (RD/WR).
struct IssuedCommand {
  dram::DramCommand command;
  std::uint32_t request_id = 0;  // or, for a prefetch RD, the prefetch buffer slot it fills
  bool prefetch = false;         // a prefetch's ACT or RD
};

struct Completion {
  std::uint64_t tag;  // given with the request
  bool write;
  std::uint64_t accept_cycle;
  std::uint64_t done_cycle;  // response cycle for reads, WR command cycle for writes
  bool forwarded;            // a read answered from a queued write
  const std::uint8_t* data;  // a read's burst (burst_bytes); the request's data for writes
};

class MemoryObserver {
 public:
  virtual ~MemoryObserver() = default;
  virtual void accepted(std::uint64_t tag, const Request& r, std::uint64_t cycle) {
    (void)tag, (void)r, (void)cycle;
  }
  virtual void completed(const Completion& c) { (void)c; }
  virtual void issued(const IssuedCommand& c) { (void)c; }
  // The system was reset in `cycle`: every request accepted and not completed is dropped and
  // never completes.
  virtual void reset(std::uint64_t cycle) { (void)cycle; }
};

// What a reset dropped.
struct ResetReport {
  std::uint64_t requests = 0;         // accepted, not completed (the one offered not counted)
  std::uint64_t reads_in_flight = 0;  // RDs on the bus whose data had not come back
};

class MemorySystem {
 public:
  // `stall_limit`: cycles without progress, with requests outstanding, before the run fails.
  MemorySystem(const dram::DramPreset& preset, std::unique_ptr<ControllerCore> core,
               std::uint64_t stall_limit = 1'000'000);

  void add_observer(MemoryObserver* observer) { observers_.push_back(observer); }

  // The request port holds one request until the core takes it; another may be offered
  // once can_offer(). Throws InputError for an address that is no burst of the device.
  bool can_offer() const { return !offered_ && !free_ids_.empty(); }
  void offer(const Request& r, std::uint64_t tag);

  // Whether the requester takes the response offered in a cycle (the core's rsp_ready_i): a
  // function of the cycle alone, asked about the cycles in which a response may wait (the
  // quiet stretches skip_quiet() jumps over have none). Without one, every response is taken
  // at once.
  void set_response_ready(std::function<bool(std::uint64_t cycle)> ready) {
    response_ready_ = std::move(ready);
  }

  // Resets the core between two cycles and initializes the device as after a reset: every
  // bank closed, its timing history and refresh deadline restarted, read data in flight lost;
  // the cells keep what they hold. Requests accepted and not completed, and the one offered,
  // are dropped; request ids start afresh.
  ResetReport reset();

  void step();  // one clock cycle
  // Jumps over cycles in which nothing can happen, but not past `limit` (the next cycle at
  // which the feeder may offer a request). Identical to stepping through them.
  void skip_quiet(std::uint64_t limit);

  bool busy() const { return offered_.has_value() || outstanding_ > 0; }
  std::uint64_t cycle() const { return cycle_; }

  // Ends the run: background energy up to now, waves closed. Returns what the controller
  // and the device measured since construction (the feeder adds latency and bandwidth).
  stats::RunStats finish();

  const dram::DramDevice& device() const { return device_; }
  const dram::DramPreset& preset() const { return device_.preset(); }
  int burst_bytes() const { return burst_bytes_; }

 private:
  struct Slot {  // the data buffer beside the core, one entry per request id
    Request request;
    std::uint64_t tag = 0;
    std::uint64_t accept_cycle = 0;
    std::array<std::uint8_t, kMaxBurstBytes> read_data{};
  };

  void free_all_ids();
  void issue_to_device(const CoreOutputs& out);
  void accept(std::uint32_t id);
  void respond(const CoreOutputs& out);
  void record_violations();
  // Adds the core's prefetch counters, which restart at a reset, to the run's, after checking
  // them against what its ports showed since the last reset, with `unanswered` requests left.
  void take_prefetch_counters(std::uint64_t unanswered);

  const int burst_bytes_;
  const std::uint64_t stall_limit_;
  dram::DramDevice device_;
  std::unique_ptr<ControllerCore> core_;
  std::vector<MemoryObserver*> observers_;

  struct InFlightRead {
    bool prefetch;
    std::uint32_t id;  // the request, or the prefetch slot
  };
  using Burst = std::array<std::uint8_t, kMaxBurstBytes>;

  std::vector<Slot> slots_;
  std::vector<Burst> prefetched_;  // the prefetch buffer's data, one burst a slot
  std::vector<std::uint32_t> free_ids_;
  std::deque<InFlightRead> reads_in_flight_;  // RDs issued, in order
  std::optional<std::uint32_t> offered_;           // id of the request on the port
  bool port_changed_ = false;                      // offered since the last cycle
  std::function<bool(std::uint64_t)> response_ready_;
  CoreInputs in_;
  CoreOutputs out_;
  std::uint64_t outstanding_ = 0;
  std::uint64_t cycle_ = 0;
  std::uint64_t last_progress_ = 0;
  stats::RunStats stats_;
  std::size_t violations_seen_ = 0;
  // Prefetches issued and used as the ports showed them up to the last reset.
  std::uint64_t pf_issued_seen_ = 0, pf_useful_seen_ = 0;
};

}  // namespace mckit::ctrl
