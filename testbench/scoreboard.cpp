#include "testbench/scoreboard.h"

#include <algorithm>

namespace mckit::testbench {

void Scoreboard::accepted(std::uint64_t tag, const Request& r, std::uint64_t) {
  if (r.write) {
    auto [it, inserted] = memory_.try_emplace(r.addr);
    if (inserted) it->second.fill(0);
    for (int i = 0; i < burst_bytes_; ++i)
      if ((r.mask >> i) & 1) it->second[std::size_t(i)] = r.data[std::size_t(i)];
    return;
  }
  const auto it = memory_.find(r.addr);
  Burst& expected = expected_[tag];
  if (it == memory_.end()) expected.fill(0);
  else expected = it->second;
}

void Scoreboard::completed(const ctrl::Completion& c) {
  if (c.write) return;
  const auto it = expected_.find(c.tag);
  if (!std::equal(c.data, c.data + burst_bytes_, it->second.begin())) ++mismatches_;
  expected_.erase(it);
}

}  // namespace mckit::testbench
