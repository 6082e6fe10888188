// The scheduler, rtl/mc_scheduler.sv in C++: the one command of the cycle. In order: the
// refresh of a rank that owes one (PREA, then REF); a demand column command; a demand ACT or
// PRE; under the adaptive page policy, closing a bank left idle. Demand comes from a queue
// past the age cap (the older one when both are), else from the read queue unless the write
// queue drains (between its watermarks), reads are absent, or a front-end hazard waits on a
// queued write.
#pragma once

#include "ctrl/controller_params.h"
#include "ctrl/cycle_clock.h"
#include "ctrl/mc_refresh.h"
#include "ctrl/mc_req_queue.h"
#include "ctrl/mc_timing.h"
#include "dram/dram_command.h"

namespace mckit::ctrl {

// The scheduler's outputs.
struct SchedulerChoice {
  dram::Command cmd = dram::Command::NOP;
  bool demand = false;  // cmd serves the served queue's entry at `idx`
  int idx = 0;
  int bank = 0;         // the target of a refresh command or an idle PRE
};

class CommandScheduler {
 public:
  explicit CommandScheduler(const ControllerParams& p) : p_(p) {}

  bool draining() const { return draining_; }  // draining_o
  // Whether the age cap applies to reads: FR-FCFS gives it to writes only.
  bool read_cap() const { return p_.scheduler != std::uint8_t(Scheduler::FrFcfs); }

  // from_wq_o: demand comes from the write queue. `serve_writes` and `serve_reads` say that a
  // front-end request waits on a queued write, or a front-end write on a queued read.
  bool from_wq(const RequestQueue& rq, const RequestQueue& wq, bool rq_capped, bool wq_capped,
               bool serve_writes, bool serve_reads) const {
    if (rq_capped && wq_capped) return wq.entry(0).arrival < rq.entry(0).arrival;
    if (rq_capped || wq_capped) return wq_capped;
    return serve_writes || (!serve_reads && (draining_ || rq.count() == 0));
  }
  // The command, from the served queue's offer.
  SchedulerChoice choose(CycleClock& clock, const QueueOffer& offer, bool from_wq,
                         bool in_flight_full, const Refresh::PerRank& ref_active,
                         std::uint64_t ref_banks, const BankTiming& timing, bool hold_row,
                         bool hold_col) const;

  // The clock edge: the write queue's count after it. Returns whether draining_o changed.
  bool clock(int wq_count) {
    const bool draining = draining_ ? wq_count > p_.wq_low : wq_count >= p_.wq_high;
    const bool changed = draining != draining_;
    draining_ = draining;
    return changed;
  }

 private:
  ControllerParams p_;
  bool draining_ = false;
};

}  // namespace mckit::ctrl
