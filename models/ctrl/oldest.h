// The oldest member of a set, rtl/mc_oldest.sv in C++. The RTL's queues keep their entries in
// fixed slots ordered by an age matrix; the C++ queue (ctrl/mc_req_queue.h) keeps them in age
// order, position 0 the oldest, so the oldest member of a set of positions is its first one.
#pragma once

#include <cstdint>

#include "ctrl/prio_enc.h"

namespace mckit::ctrl {

// found_o and idx_o: whether the set has a member, and the oldest one's position (0 if none).
struct Oldest {
  bool found = false;
  int idx = 0;
};

inline Oldest oldest_of(std::uint32_t positions) {
  return positions ? Oldest{true, first_set(positions)} : Oldest{};
}

}  // namespace mckit::ctrl
