// The least-recently-used order of a small table, rtl/pf_lru.sv in C++ (pf_stream, pf_stride;
// pf_buffer keeps the same order for its slots). The ages are a permutation, 0 the entry
// used last and entries - 1 the victim; entries never used start oldest, entry i at age i.
#pragma once

#include <vector>

namespace mckit::ctrl {

class LruOrder {
 public:
  explicit LruOrder(unsigned entries);

  unsigned age(unsigned idx) const { return age_[idx]; }
  unsigned victim() const;  // victim_o: the entry of the largest age
  // Entry idx is used: it becomes the youngest, and those younger than it age by one.
  void touch(unsigned idx) {
    const unsigned old = age_[idx];
    for (unsigned& a : age_)
      if (a < old) ++a;
    age_[idx] = 0;
  }

 private:
  std::vector<unsigned> age_;
};

}  // namespace mckit::ctrl
