// The pending candidates of one prefetcher, as rtl/pf_cand_fifo.sv keeps them: one push
// offers a run addr + step * (first + k), k < count, in a single cycle; candidates outside the
// burst address range and the newest ones that find the FIFO full are dropped. A kill marks
// the pending candidates of an address dead; a dead head leaves without being presented.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>

namespace mckit::ctrl {

// A run of prefetch candidates: addr + step * (first + k) for k = 0 .. count - 1.
struct CandidateRun {
  std::uint64_t addr = 0;
  std::int64_t step = 0;
  unsigned first = 0;
  unsigned count = 0;
};

class CandidateFifo {
 public:
  // Burst addresses have `addr_bits` bits (mc_pkg::AddrW).
  CandidateFifo(unsigned depth, unsigned addr_bits);

  // The head (pf_valid_o, pf_addr_o) of this cycle: none while it is dead.
  std::optional<std::uint64_t> front() const;
  // Whether no candidate, live or dead, is pending.
  bool empty() const { return pending_.empty(); }

  // The clock edge: the head leaves if `ready` or dead; `kill` marks the candidates pending
  // at the start of the cycle dead; `run` fills only the slots free before that, live.
  void clock(const std::optional<CandidateRun>& run, bool ready,
             const std::optional<std::uint64_t>& kill);

 private:
  struct Pending {
    std::uint64_t addr;
    bool dead;
  };

  unsigned depth_;
  std::int64_t addr_limit_;
  std::deque<Pending> pending_;
};

}  // namespace mckit::ctrl
