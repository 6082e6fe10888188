#include "ctrl/pf_buffer.h"

#include <stdexcept>

#include "ctrl/prio_enc.h"

namespace mckit::ctrl {

bool PfBufferCounters::operator==(const PfBufferCounters& o) const {
  return issued == o.issued && useful == o.useful && late == o.late &&
         evicted_unused == o.evicted_unused;
}

bool PfBufferOut::operator==(const PfBufferOut& o) const {
  return alloc_ok == o.alloc_ok && alloc_slot == o.alloc_slot && hit == o.hit &&
         late == o.late && hit_slot == o.hit_slot && has == o.has && counters == o.counters;
}

PrefetchBuffer::PrefetchBuffer(unsigned entries) : table_(entries), lru_(entries) {
  if (entries < 2 || entries > 64 || (entries & (entries - 1)) != 0)
    throw std::invalid_argument("prefetch buffer entries must be a power of two, 2..64");
}

int PrefetchBuffer::find(std::uint64_t addr) const {
  for (std::size_t i = 0; i < table_.size(); ++i)
    if (table_[i].valid && table_[i].addr == addr) return int(i);
  return -1;
}

PrefetchBuffer::Step PrefetchBuffer::decide(const PfBufferIn& in) const {
  Step s;
  PfBufferOut& o = s.out;
  const int look = find(in.lookup_addr);
  const bool written = in.inval && in.inval_addr == in.lookup_addr;
  if (in.lookup && !written && look >= 0) {
    o.hit = !table_[look].busy;
    o.late = table_[look].busy;
    o.hit_slot = unsigned(look);
  }
  o.has = in.has && find(in.has_addr) >= 0;

  // The lowest Invalid slot (mc_prio_enc), else the oldest Ready slot not hit this cycle.
  std::uint64_t free = 0;
  for (std::size_t i = 0; i < table_.size(); ++i)
    if (!table_[i].valid && !table_[i].busy) free |= 1ull << i;
  int victim = free ? first_set(free) : -1;
  s.evict = victim < 0;
  for (std::size_t i = 0; i < table_.size() && s.evict; ++i) {
    const Entry& e = table_[i];
    const bool evictable = e.valid && !e.busy && !(o.hit && int(i) == look);
    if (evictable && (victim < 0 || lru_.age(unsigned(i)) > lru_.age(unsigned(victim))))
      victim = int(i);
  }
  o.alloc_ok = in.alloc && find(in.alloc_addr) < 0 &&
               !(in.inval && in.inval_addr == in.alloc_addr) && victim >= 0;
  s.evict = s.evict && o.alloc_ok;
  if (o.alloc_ok) {
    o.alloc_slot = unsigned(victim);
    s.alloc_idx = unsigned(victim);
  }
  o.counters = counters_;
  return s;
}

PfBufferOut PrefetchBuffer::outputs(const PfBufferIn& in) const { return decide(in).out; }

void PrefetchBuffer::clock(const PfBufferIn& in) {
  const Step s = decide(in);
  const PfBufferOut& o = s.out;
  const int killed = in.inval ? find(in.inval_addr) : -1;

  if (killed >= 0 && !table_[killed].used) ++counters_.evicted_unused;
  if (s.evict && int(s.alloc_idx) != killed && !table_[s.alloc_idx].used)
    ++counters_.evicted_unused;
  counters_.issued += o.alloc_ok;
  const bool served_late = o.late && in.count_late;
  counters_.useful += o.hit || served_late;
  counters_.late += served_late;

  // Recency: the hit entry, then the allocated one, move to the front.
  if (o.hit) lru_.touch(o.hit_slot);
  if (o.alloc_ok) lru_.touch(s.alloc_idx);

  if (killed >= 0) table_[killed].valid = false;
  if (in.fill && in.fill_slot < table_.size()) table_[in.fill_slot].busy = false;
  if (o.hit || served_late) table_[o.hit_slot].used = true;
  if (o.alloc_ok) {
    Entry& e = table_[s.alloc_idx];
    e.valid = true;
    e.busy = true;
    e.used = false;
    e.addr = in.alloc_addr;
  }
}

}  // namespace mckit::ctrl
