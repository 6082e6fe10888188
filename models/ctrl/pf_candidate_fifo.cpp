#include "ctrl/pf_candidate_fifo.h"

#include <stdexcept>

namespace mckit::ctrl {

CandidateFifo::CandidateFifo(unsigned depth, unsigned addr_bits)
    : depth_(depth), addr_limit_(std::int64_t{1} << addr_bits) {
  // The RTL indexes slots with wrapping pointers.
  if (depth == 0 || (depth & (depth - 1)) != 0)
    throw std::invalid_argument("prefetch candidate FIFO depth must be a power of two");
}

std::optional<std::uint64_t> CandidateFifo::front() const {
  if (pending_.empty() || pending_.front().dead) return std::nullopt;
  return pending_.front().addr;
}

void CandidateFifo::clock(const std::optional<CandidateRun>& run, bool ready,
                          const std::optional<std::uint64_t>& kill) {
  const std::size_t free = depth_ - pending_.size();
  // Decided on the head's mark at the start of the cycle: a kill shows from the next one.
  const bool pop = !pending_.empty() && (ready || pending_.front().dead);
  if (kill)
    for (Pending& p : pending_)
      if (p.addr == *kill) p.dead = true;
  if (pop) pending_.pop_front();
  if (!run) return;
  for (unsigned k = 0; k < run->count && k < free; ++k) {
    // Exact in 64 bits: |step| <= 2^34 and first + k < 64.
    const std::int64_t a = std::int64_t(run->addr) + run->step * std::int64_t(run->first + k);
    if (a < 0 || a >= addr_limit_) break;  // candidates are monotonic: the rest are out too
    pending_.push_back({std::uint64_t(a), false});
  }
}

}  // namespace mckit::ctrl
