#include "dram/energy_model.h"

#include <algorithm>

namespace mckit::dram {

EnergyModel::EnergyModel(const DramPreset& p)
    : refresh_cycles_(p.timing.tRFC),
      refpb_cycles_(p.timing.tRFCpb),
      refsb_cycles_(p.timing.tRFCsb),
      banks_per_rank_(p.org.banks_per_rank()),
      bits_per_burst_(std::uint64_t(p.org.bytes_per_burst()) * 8),
      ranks_(std::size_t(p.org.ranks)) {
  const Timing& t = p.timing;
  const double ns = p.tck_ns();
  for (const PowerDomain& d : p.power.domains) {
    const double scale = d.voltage * p.power.devices * ns;  // mA * V * ns = pJ
    act_pj_ += scale * (d.idd0 - d.idd3n) * t.tRAS;
    pre_pj_ += scale * (d.idd0 - d.idd2n) * (t.tRC - t.tRAS);
    rd_pj_ += scale * (d.idd4r - d.idd3n) * t.tBL;
    wr_pj_ += scale * (d.idd4w - d.idd3n) * t.tBL;
    ref_pj_ += scale * (d.idd5b - d.idd3n) * t.tRFC;
    active_pj_ += scale * d.idd3n;
    precharged_pj_ += scale * d.idd2n;
  }
}

void EnergyModel::account(RankState& r, std::uint64_t until) {
  if (until <= r.accounted) return;
  const double cycles = double(until - r.accounted);
  if (r.busy > 0) report_.background_active += cycles * active_pj_;
  else report_.background_precharged += cycles * precharged_pj_;
  r.accounted = until;
}

void EnergyModel::advance(RankState& r, std::uint64_t cycle) {
  std::sort(r.pending_close.begin(), r.pending_close.end());
  std::size_t done = 0;
  for (; done < r.pending_close.size() && r.pending_close[done] <= cycle; ++done) {
    account(r, r.pending_close[done]);
    --r.busy;
  }
  r.pending_close.erase(r.pending_close.begin(), r.pending_close.begin() + long(done));
  account(r, cycle);
}

void EnergyModel::activate(std::uint32_t rank, std::uint64_t cycle) {
  RankState& r = ranks_[rank];
  advance(r, cycle);
  ++r.busy;
  report_.act += act_pj_;
}

void EnergyModel::precharge(std::uint32_t rank, std::uint64_t cycle, int banks_closed) {
  RankState& r = ranks_[rank];
  advance(r, cycle);
  r.busy -= banks_closed;
  report_.pre += pre_pj_ * banks_closed;
}

void EnergyModel::auto_precharge(std::uint32_t rank, std::uint64_t close_cycle) {
  ranks_[rank].pending_close.push_back(close_cycle);
  report_.pre += pre_pj_;
}

void EnergyModel::column(Command cmd, std::uint32_t rank, std::uint64_t cycle) {
  advance(ranks_[rank], cycle);
  (is_read(cmd) ? report_.rd : report_.wr) += is_read(cmd) ? rd_pj_ : wr_pj_;
  report_.bits += bits_per_burst_;
}

void EnergyModel::refresh(std::uint32_t rank, std::uint64_t cycle) {
  RankState& r = ranks_[rank];
  advance(r, cycle);
  ++r.busy;
  r.pending_close.push_back(cycle + std::uint64_t(refresh_cycles_));
  report_.ref += ref_pj_;
}

void EnergyModel::partial_refresh(Command cmd, std::uint32_t rank, std::uint64_t cycle,
                                  int banks) {
  RankState& r = ranks_[rank];
  advance(r, cycle);
  ++r.busy;
  r.pending_close.push_back(cycle +
                            std::uint64_t(cmd == Command::REFsb ? refsb_cycles_ : refpb_cycles_));
  report_.ref += ref_pj_ * banks / banks_per_rank_;
}

void EnergyModel::finish(std::uint64_t cycle) {
  for (RankState& r : ranks_) advance(r, cycle);
}

void EnergyModel::reset(std::uint64_t cycle) {
  for (RankState& r : ranks_) {
    advance(r, cycle);
    r.busy = 0;
    r.pending_close.clear();
  }
}

}  // namespace mckit::dram
