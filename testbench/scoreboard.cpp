#include "testbench/scoreboard.h"

#include <algorithm>
#include <vector>

namespace mckit::testbench {

void Scoreboard::accepted(std::uint64_t tag, const Request& r, std::uint64_t) {
  if (r.write) {
    auto [it, inserted] = memory_.try_emplace(r.addr);
    if (inserted) it->second.fill(0);
    pending_writes_.emplace(tag, PendingWrite{accepted_writes_++, r.addr, it->second});
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
  if (c.write) {
    pending_writes_.erase(c.tag);
    return;
  }
  const auto it = expected_.find(c.tag);
  if (!std::equal(c.data, c.data + burst_bytes_, it->second.begin())) ++mismatches_;
  expected_.erase(it);
}

void Scoreboard::reset(std::uint64_t) {
  // The dropped writes undone, the latest first.
  std::vector<const PendingWrite*> dropped;
  for (const auto& [tag, w] : pending_writes_) dropped.push_back(&w);
  std::sort(dropped.begin(), dropped.end(),
            [](const PendingWrite* a, const PendingWrite* b) { return a->order > b->order; });
  for (const PendingWrite* w : dropped) memory_[w->addr] = w->before;
  pending_writes_.clear();
  expected_.clear();
}

}  // namespace mckit::testbench
