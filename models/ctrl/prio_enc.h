// The priority encoder, rtl/mc_prio_enc.sv in C++: the first member of a non-empty set held
// as a bit mask, bit 0 first. The queues keep their entries in age order (position 0 the
// oldest), so it also finds the oldest entry of a set; the scheduler's banks, the prefetch
// buffer's free slots and the bank machines' per-bank loops use it too.
#pragma once

#include <cstdint>

namespace mckit::ctrl {

inline int first_set(std::uint64_t set) { return __builtin_ctzll(set); }

}  // namespace mckit::ctrl
