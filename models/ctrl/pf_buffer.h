// The tag side of the prefetch buffer, rtl/pf_buffer.sv, cycle for cycle at its ports: which
// slot holds which prefetched burst address, whether its data are in flight or ready, and the
// buffer's counters. Each cycle: outputs(in) for the cycle's combinational outputs, then
// clock(in) for the edge, with the same inputs. The same-cycle rules are the RTL's (see its
// header comment).
#pragma once

#include <cstdint>
#include <vector>

#include "ctrl/pf_lru.h"

namespace mckit::ctrl {

// The inputs of one cycle (alloc_i, alloc_addr_i, fill_i, ...).
struct PfBufferIn {
  bool alloc = false;
  std::uint64_t alloc_addr = 0;
  bool fill = false;
  unsigned fill_slot = 0;
  bool lookup = false;
  bool count_late = true;  // a late lookup's read takes the fill's data: late and useful
  std::uint64_t lookup_addr = 0;
  bool inval = false;
  std::uint64_t inval_addr = 0;
  bool has = false;
  std::uint64_t has_addr = 0;
};

// The counter outputs (cnt_*_o): registered, 32 bits, wrapping.
struct PfBufferCounters {
  std::uint32_t issued = 0;          // accepted allocs
  std::uint32_t useful = 0;          // hits and counted late lookups
  std::uint32_t late = 0;            // counted lookups that met an in-flight entry
  std::uint32_t evicted_unused = 0;  // live entries replaced or invalidated without a hit
  bool operator==(const PfBufferCounters& o) const;
};

// The outputs of one cycle.
struct PfBufferOut {
  bool alloc_ok = false;
  unsigned alloc_slot = 0;
  bool hit = false;
  bool late = false;
  unsigned hit_slot = 0;
  bool has = false;
  PfBufferCounters counters;
  bool operator==(const PfBufferOut& o) const;
  bool operator!=(const PfBufferOut& o) const { return !(*this == o); }
};

class PrefetchBuffer {
 public:
  // `entries` is the RTL parameter Entries: a power of two, 2..64 (its free slots are one
  // 64-bit set; else std::invalid_argument).
  explicit PrefetchBuffer(unsigned entries = 32);

  PfBufferOut outputs(const PfBufferIn& in) const;
  // has_o for has_addr_i = addr: a live entry holds it (it depends on no other input).
  bool holds(std::uint64_t addr) const { return find(addr) >= 0; }
  const PfBufferCounters& counters() const { return counters_; }
  void clock(const PfBufferIn& in);

 private:
  struct Entry {
    bool valid = false;  // holds a live address (InFlight or Ready)
    bool busy = false;   // its fill is awaited (InFlight or Cancelled)
    bool used = false;   // hit since it was allocated
    std::uint64_t addr = 0;
  };
  // What a cycle decides besides its outputs.
  struct Step {
    PfBufferOut out;
    unsigned alloc_idx = 0;
    bool evict = false;  // alloc_idx replaces a Ready entry
  };

  Step decide(const PfBufferIn& in) const;
  // The live entry holding `addr`, or -1.
  int find(std::uint64_t addr) const;

  std::vector<Entry> table_;
  LruOrder lru_;  // recency of the slots
  PfBufferCounters counters_;
};

}  // namespace mckit::ctrl
