// The priority encoder, rtl/mc_prio_enc.sv in C++: the first member of a non-empty set held
// as a bit mask, bit 0 first: the prefetch buffer's free slot, and the banks and entries the
// per-bank loops visit. The queues keep their entries in age order, so it also finds the
// oldest entry of a set (ctrl/oldest.h).
#pragma once

#include <cstdint>

namespace mckit::ctrl {

inline int first_set(std::uint64_t set) { return __builtin_ctzll(set); }

}  // namespace mckit::ctrl
