#include "ctrl/mc_prefetch.h"

#include <algorithm>

namespace mckit::ctrl {

using dram::Command;

// A prefetch read costs 100 x tBL of credit, which grows by `throttle` a cycle up to four
// reads' worth: prefetch reads take at most throttle % of the data bus.
PrefetchUnit::PrefetchUnit(const ControllerParams& p)
    : p_(p),
      map_(p),
      predictor_(make_prefetcher(PrefetcherKind(p.pf_kind),
                                 PrefetcherConfig{true, p.pf_distance, p.pf_degree,
                                                  p.pf_threshold})),
      buffer_(kSlots),
      credit_cost_(std::uint32_t(p.tbl) * 100),
      credit_cap_(4 * credit_cost_) {}

PrefetchStep PrefetchUnit::head(CycleClock& clock, bool slot_free, const BankTiming& timing,
                                const RequestQueue& rq, const RequestQueue& wq,
                                const Refresh::PerRank& ref_active, bool in_flight_full) const {
  PrefetchStep s;
  s.addr = predictor_->candidate();
  if (!s.addr) return s;
  const std::uint64_t a = *s.addr;
  s.at = map_.decode(a);
  const int b = s.at.bank;
  const bool open = timing.is_open(b);
  s.drop = (a >> p_.pf_addr_bits) != 0 || buffer_.holds(a) || rq.probe_hit(b, s.at.row, a) ||
           wq.probe_hit(b, s.at.row, a) || rq.count() >= p_.pf_pressure ||
           (open && timing.open_row(b) != s.at.row);
  const bool go = !s.drop && slot_free &&
                  !ref_active[std::size_t(bank_index::rank_of(b))] && credit_ >= credit_cost_;
  if (!go) return s;
  BankStatus asked;
  (open ? asked.col : asked.act) = 1ull << b;
  const BankStatus ok = timing.status(clock, asked, false);
  s.act = !open && ok.act;
  s.try_rd = open && ok.col && !in_flight_full;
  return s;
}

PrefetchOut PrefetchUnit::answers(const PrefetchStep& s, const PrefetchPorts& in) const {
  PrefetchOut o;
  PfBufferIn& bin = o.buffer_in;
  bin.alloc = s.try_rd;
  bin.alloc_addr = s.addr.value_or(0);
  bin.fill = in.fill;
  bin.fill_slot = in.fill_slot;
  bin.lookup = in.lookup;
  bin.lookup_addr = in.lookup_addr;
  bin.inval = in.inval;
  bin.inval_addr = in.inval_addr;
  bin.has = s.addr.has_value();
  bin.has_addr = bin.alloc_addr;
  const PfBufferOut bout = buffer_.outputs(bin);
  o.rd = s.try_rd && bout.alloc_ok;
  o.slot = bout.alloc_slot;
  o.hit = bout.hit;
  o.merge = bout.late && !waiting_[bout.hit_slot];
  o.hit_slot = bout.hit_slot;
  bin.count_late = o.merge;
  const std::size_t filled = bin.fill_slot;
  o.answer = bin.fill && (waiting_[filled] || (o.merge && o.hit_slot == filled));
  o.answer_id = waiting_[filled] ? waiter_[filled] : in.lookup_id;
  return o;
}

void PrefetchUnit::edge(const PrefetchStep& s, const PrefetchOut& o, bool take_read,
                        std::uint64_t read_addr, std::uint8_t read_id, std::uint8_t read_stream) {
  const PfBufferIn& bin = o.buffer_in;
  buffer_.clock(bin);
  if (o.merge) {
    waiting_[o.hit_slot] = true;
    waiter_[o.hit_slot] = read_id;
  }
  if (bin.fill) waiting_[bin.fill_slot] = false;
  credit_ = std::min(credit_ + p_.pf_throttle, credit_cap_) - (o.rd ? credit_cost_ : 0);
  if (take_read && !(p_.pf_kind == std::uint8_t(PrefetcherKind::NextLine) && (o.hit || o.merge)))
    predictor_->observe(read_addr, read_stream);
  if (take_read) predictor_->kill(read_addr);
  predictor_->clock(s.drop || o.rd);
}

void PrefetchUnit::skip(std::uint64_t cycles) {
  if (predictor_)
    credit_ = std::uint32_t(
        std::min<std::uint64_t>(credit_ + cycles * p_.pf_throttle, credit_cap_));
}

}  // namespace mckit::ctrl
