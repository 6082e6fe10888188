#include "dram/timing_checker.h"

#include <algorithm>
#include <stdexcept>

namespace mckit::dram {

std::string Violation::message() const {
  std::string text = "cycle " + std::to_string(command.cycle) + ": " + describe(command) + ": " +
                     constraint;
  if (cycles > 0)
    text += ", " + std::to_string(cycles) + (cycles == 1 ? " cycle " : " cycles ") +
            (late ? "late" : "early");
  return text;
}

namespace {

// Records a violation when `c` comes before `earliest`: called a dozen times a command, so
// the check is inline and the rare record is not.
[[gnu::noinline]] void record_early(std::vector<Violation>& out, const DramCommand& c,
                                    std::int64_t earliest, const char* name) {
  out.push_back({c, name, std::uint64_t(earliest - std::int64_t(c.cycle)), false});
}

inline void need(std::vector<Violation>& out, const DramCommand& c, std::int64_t earliest,
                 const char* name) {
  if (std::int64_t(c.cycle) < earliest) record_early(out, c, earliest, name);
}

void illegal(std::vector<Violation>& out, const DramCommand& c, const char* state) {
  out.push_back({c, state, 0, false});
}

}  // namespace

TimingChecker::TimingChecker(const DramPreset& preset)
    : t_(preset.timing),
      org_(preset.org),
      banks_(std::size_t(org_.ranks) * org_.banks_per_rank()),
      groups_(std::size_t(org_.ranks) * org_.bank_groups),
      ranks_(std::size_t(org_.ranks)) {}

std::string address_range_error(const DramCommand& c, const Organization& org) {
  const bool bank_cmd = c.cmd == Command::ACT || c.cmd == Command::PRE || is_column(c.cmd);
  const bool row_cmd = c.cmd == Command::ACT || is_column(c.cmd);
  const struct {
    const char* name;
    std::uint32_t value;
    int limit;
    bool used;
  } fields[] = {{"rank", c.rank, org.ranks, true},
                {"bank group", c.bank_group, org.bank_groups, bank_cmd},
                {"bank", c.bank, org.banks_per_group, bank_cmd},
                {"row", c.row, org.rows, row_cmd},
                {"column", c.column, org.columns, is_column(c.cmd)}};
  for (const auto& f : fields)
    if (f.used && f.value >= std::uint32_t(f.limit))
      return std::string(f.name) + " " + std::to_string(f.value) +
             " out of range (the preset has " + std::to_string(f.limit) + ")";
  return {};
}

TimingChecker::Bank& TimingChecker::bank(const DramCommand& c) {
  return banks_[(std::size_t(c.rank) * org_.bank_groups + c.bank_group) * org_.banks_per_group +
                c.bank];
}

bool TimingChecker::bank_open(std::uint32_t rank, std::uint32_t bg, std::uint32_t b) const {
  return banks_.at((std::size_t(rank) * org_.bank_groups + bg) * org_.banks_per_group + b).open;
}

std::int64_t TimingChecker::precharge_cycle(std::uint32_t rank, std::uint32_t bg,
                                            std::uint32_t b) const {
  return banks_.at((std::size_t(rank) * org_.bank_groups + bg) * org_.banks_per_group + b).pre;
}

std::int64_t TimingChecker::ready_after_precharge(const Bank& b) const {
  return b.pre + (b.closed_by_prea ? t_.prea_to_act() : t_.tRP);
}

void TimingChecker::execute(const DramCommand& c, std::vector<Violation>& out) {
  // The fields every command may carry, in range: the common case, without building text.
  const bool in_range = c.rank < std::uint32_t(org_.ranks) &&
                        c.bank_group < std::uint32_t(org_.bank_groups) &&
                        c.bank < std::uint32_t(org_.banks_per_group) &&
                        c.row < std::uint32_t(org_.rows) && c.column < std::uint32_t(org_.columns);
  if (!in_range) {
    if (const std::string error = address_range_error(c, org_); !error.empty())
      throw std::invalid_argument(error);
  }
  const auto now = std::int64_t(c.cycle);
  if (now < last_cycle_)
    throw std::invalid_argument("cycle " + std::to_string(c.cycle) +
                                " is before the previous command's cycle " +
                                std::to_string(last_cycle_));
  if (c.cmd == Command::NOP) return;
  if (now == last_cycle_) illegal(out, c, "command bus: two commands in one cycle");

  check_refresh_deadline(c.cycle, out);
  switch (c.cmd) {
    case Command::ACT: check_act(c, out); break;
    case Command::PRE: check_precharge(c, bank(c), out); break;
    case Command::PREA:
      for (std::uint32_t g = 0; g < std::uint32_t(org_.bank_groups); ++g)
        for (std::uint32_t b = 0; b < std::uint32_t(org_.banks_per_group); ++b) {
          DramCommand one = c;
          one.bank_group = g;
          one.bank = b;
          check_precharge(c, bank(one), out);
        }
      break;
    case Command::REF: check_ref(c, out); break;
    default: check_column(c, out); break;
  }
  apply(c);
  last_cycle_ = now;
}

void TimingChecker::check_act(const DramCommand& c, std::vector<Violation>& out) {
  const Bank& b = bank(c);
  const Group& g = groups_[std::size_t(c.rank) * org_.bank_groups + c.bank_group];
  const Rank& r = ranks_[c.rank];
  if (b.open) illegal(out, c, "ACT to open bank");
  need(out, c, ready_after_precharge(b), b.closed_by_prea && t_.tRPab > 0 ? "tRPab" : "tRP");
  need(out, c, b.act + t_.tRC, "tRC");
  need(out, c, g.act + t_.tRRD_L, "tRRD_L");
  if (r.act_group != c.bank_group) need(out, c, r.act + t_.tRRD_S, "tRRD_S");
  need(out, c, r.faw[r.faw_next] + t_.tFAW, "tFAW");
  need(out, c, r.ref + t_.tRFC, "tRFC");
}

void TimingChecker::check_precharge(const DramCommand& c, const Bank& b,
                                    std::vector<Violation>& out) {
  if (!b.open) return;  // precharging an idle bank is a legal no-op
  need(out, c, b.act + t_.tRAS, "tRAS");
  need(out, c, b.rd + t_.tRTP, "tRTP");
  need(out, c, b.wr + t_.tCWL + t_.tBL + t_.tWR, "tWR");
}

void TimingChecker::check_column(const DramCommand& c, std::vector<Violation>& out) {
  const Bank& b = bank(c);
  const Group& g = groups_[std::size_t(c.rank) * org_.bank_groups + c.bank_group];
  const Rank& r = ranks_[c.rank];
  const bool read = is_read(c.cmd);
  if (!b.open) {
    illegal(out, c, "bank closed");
  } else {
    if (b.row != c.row) illegal(out, c, "wrong row");
    if (read) need(out, c, b.act + t_.tRCD, "tRCD");
    else need(out, c, b.act + t_.act_to_write(), t_.tRCDWR > 0 ? "tRCDWR" : "tRCD");
  }
  const std::int64_t write_end = t_.tCWL + t_.tBL;  // write burst end, from the WR
  if (read) {
    need(out, c, g.rd + t_.tCCD_L, "tCCD_L");
    if (r.rd_group != c.bank_group) need(out, c, r.rd + t_.tCCD_S, "tCCD_S");
    need(out, c, g.wr + write_end + t_.tWTR_L, "tWTR_L");
    if (r.wr_group != c.bank_group) need(out, c, r.wr + write_end + t_.tWTR_S, "tWTR_S");
  } else {
    need(out, c, g.wr + t_.write_to_write_same_group(), t_.tCCD_L_WR > 0 ? "tCCD_L_WR" : "tCCD_L");
    if (r.wr_group != c.bank_group) need(out, c, r.wr + t_.tCCD_S, "tCCD_S");
    need(out, c, r.rd + t_.read_to_write(), "tRTW");
  }
  // Another rank's burst must end, plus the turnaround, before this one starts on the bus.
  const std::int64_t start = read ? t_.tCL : t_.tCWL;
  for (std::size_t other = 0; other < ranks_.size(); ++other) {
    if (other == c.rank) continue;
    const Rank& o = ranks_[other];
    need(out, c, o.rd + t_.tCL + t_.tBL + t_.tRTRS - start, "tRTRS");
    need(out, c, o.wr + t_.tCWL + t_.tBL + t_.tRTRS - start, "tRTRS");
  }
  check_data_bus(c, out);
}

void TimingChecker::check_data_bus(const DramCommand& c, std::vector<Violation>& out) {
  const std::int64_t start = std::int64_t(c.cycle) + (is_read(c.cmd) ? t_.tCL : t_.tCWL);
  if (start < bus_free_) out.push_back({c, "data bus", std::uint64_t(bus_free_ - start), false});
}

void TimingChecker::check_ref(const DramCommand& c, std::vector<Violation>& out) {
  const Rank& r = ranks_[c.rank];
  bool any_open = false;
  std::int64_t ready = kNever;
  bool ready_by_prea = false;
  for (int i = 0; i < org_.banks_per_rank(); ++i) {
    const Bank& b = banks_[std::size_t(c.rank) * org_.banks_per_rank() + i];
    any_open = any_open || b.open;
    if (ready_after_precharge(b) > ready) {
      ready = ready_after_precharge(b);
      ready_by_prea = b.closed_by_prea;
    }
  }
  if (any_open) illegal(out, c, "REF with a bank open");
  need(out, c, ready, ready_by_prea && t_.tRPab > 0 ? "tRPab" : "tRP");
  need(out, c, r.ref + t_.tRFC, "tRFC");
}

void TimingChecker::check_refresh_deadline(std::uint64_t cycle, std::vector<Violation>& out) {
  for (std::size_t i = 0; i < ranks_.size(); ++i) {
    Rank& r = ranks_[i];
    const std::uint64_t deadline =
        r.deadline_from +
        (r.refs - r.refs_before + kMaxPostponedRefresh + 1) * std::uint64_t(t_.tREFI);
    if (cycle < deadline || r.deadline_reported == r.refs) continue;
    r.deadline_reported = r.refs;
    DramCommand at;
    at.cycle = cycle;
    at.cmd = Command::REF;
    at.rank = std::uint32_t(i);
    out.push_back({at, "tREFI: more than 8 refreshes postponed", cycle - deadline + 1, true});
  }
}

void TimingChecker::reset(std::uint64_t cycle) {
  std::fill(banks_.begin(), banks_.end(), Bank{});
  std::fill(groups_.begin(), groups_.end(), Group{});
  for (Rank& r : ranks_) {
    Rank fresh;
    fresh.refs = fresh.refs_before = r.refs;
    fresh.deadline_from = cycle;
    r = fresh;
  }
  bus_free_ = kNever;
}

void TimingChecker::apply(const DramCommand& c) {
  const auto now = std::int64_t(c.cycle);
  Rank& r = ranks_[c.rank];
  switch (c.cmd) {
    case Command::ACT: {
      Bank& b = bank(c);
      b.open = true;
      b.row = c.row;
      b.act = now;
      groups_[std::size_t(c.rank) * org_.bank_groups + c.bank_group].act = now;
      r.act = now;
      r.act_group = c.bank_group;
      r.faw[r.faw_next] = now;
      r.faw_next = (r.faw_next + 1) % r.faw.size();
      break;
    }
    case Command::PRE: {
      Bank& b = bank(c);
      if (b.open) {
        b.open = false;
        b.closed_by_prea = false;
        b.pre = now;
      }
      break;
    }
    case Command::PREA:
      for (int i = 0; i < org_.banks_per_rank(); ++i) {
        Bank& b = banks_[std::size_t(c.rank) * org_.banks_per_rank() + i];
        if (!b.open) continue;
        b.open = false;
        b.closed_by_prea = true;
        b.pre = now;
      }
      break;
    case Command::REF:
      r.ref = now;
      ++r.refs;
      break;
    default: {  // RD, RDA, WR, WRA
      Bank& b = bank(c);
      Group& g = groups_[std::size_t(c.rank) * org_.bank_groups + c.bank_group];
      const bool read = is_read(c.cmd);
      (read ? b.rd : b.wr) = now;
      (read ? g.rd : g.wr) = now;
      (read ? r.rd : r.wr) = now;
      (read ? r.rd_group : r.wr_group) = c.bank_group;
      bus_free_ = std::max(bus_free_, now + (read ? t_.tCL : t_.tCWL) + t_.tBL);
      if (has_auto_precharge(c.cmd) && b.open) {
        // The device precharges by itself once tRAS and the read/write recovery allow.
        const std::int64_t recovery = read ? t_.tRTP : t_.tCWL + t_.tBL + t_.tWR;
        b.open = false;
        b.closed_by_prea = false;
        b.pre = std::max(now + recovery, b.act + t_.tRAS);
      }
      break;
    }
  }
}

}  // namespace mckit::dram
