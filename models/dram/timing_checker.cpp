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

void illegal(std::vector<Violation>& out, const DramCommand& c, const char* state) {
  out.push_back({c, state, 0, false});
}

// The latest of `latest`'s cycles of the commands in `set`.
template <typename Of>
std::int64_t latest_of(CommandSet set, Of cycle_of, std::int64_t none) {
  std::int64_t at = none;
  for (unsigned bits = set; bits != 0; bits &= bits - 1)
    at = std::max(at, cycle_of(unsigned(__builtin_ctz(bits))));
  return at;
}

}  // namespace

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

void TimingChecker::ElsewhereLatest::record(std::int64_t cycle, std::uint32_t where) {
  if (where != place) other = last;
  last = cycle;
  place = where;
}

TimingChecker::TimingChecker(const DramPreset& preset)
    : TimingChecker(preset, load_standard_rules(preset.standard)) {}

TimingChecker::TimingChecker(const DramPreset& preset, const StandardRules& rules)
    : org_(preset.org),
      banks_(std::size_t(org_.ranks) * org_.banks_per_rank()),
      groups_(std::size_t(org_.ranks) * org_.bank_groups),
      ranks_(std::size_t(org_.ranks)) {
  for (const ConstraintRow& row : rules.rows) {
    Bound b{row.scope, row.preceding, timing_expression(row.distance, preset.timing, row.where),
            -1, 0};
    const auto named = std::find(names_.begin(), names_.end(), row.name);
    b.name = std::size_t(named - names_.begin());
    if (named == names_.end()) names_.push_back(row.name);
    if (row.window > 0) {
      b.window = int(windows_.size());
      Window w{row.scope, row.preceding, std::size_t(row.window), {}, {}};
      const std::size_t instances = row.scope == Scope::Bank        ? banks_.size()
                                    : row.scope == Scope::BankGroup ? groups_.size()
                                    : row.scope == Scope::Rank      ? ranks_.size()
                                                                    : 1;
      w.cycles.assign(instances * w.size, kNever);
      w.next.assign(instances, 0);
      windows_.push_back(std::move(w));
    }
    for (unsigned bits = row.following; bits != 0; bits &= bits - 1)
      by_following_[std::size_t(__builtin_ctz(bits))].push_back(b);
  }
  const std::string interval_where = rules.file + ": refresh: interval";
  refresh_interval_ = timing_expression(rules.refresh.interval, preset.timing, interval_where);
  max_postponed_ = rules.refresh.max_postponed;
  deadline_name_ = rules.refresh.interval + ": more than " + std::to_string(max_postponed_) +
                   " refreshes postponed";
  reset(0);
}

std::size_t TimingChecker::bank_index(std::uint32_t rank, std::uint32_t bg,
                                      std::uint32_t bank) const {
  return (std::size_t(rank) * org_.bank_groups + bg) * org_.banks_per_group + bank;
}

std::size_t TimingChecker::instance(Scope s, const Place& at) const {
  switch (s) {
    case Scope::Bank: return at.bank;
    case Scope::BankGroup: return std::size_t(at.rank) * org_.bank_groups + at.group;
    case Scope::Rank: return at.rank;
    default: return 0;
  }
}

bool TimingChecker::bank_open(std::uint32_t rank, std::uint32_t bg, std::uint32_t b) const {
  return banks_.at(bank_index(rank, bg, b)).open;
}

std::int64_t TimingChecker::precharge_cycle(std::uint32_t rank, std::uint32_t bg,
                                            std::uint32_t b) const {
  const Latest& l = banks_.at(bank_index(rank, bg, b)).latest;
  return std::max(l[std::size_t(Command::PRE)], l[std::size_t(Command::PREA)]);
}

std::int64_t TimingChecker::latest(const Bound& b, const Place& at) const {
  if (b.window >= 0) {  // the oldest of the last `size` preceding commands
    const Window& w = windows_[std::size_t(b.window)];
    const std::size_t i = instance(w.scope, at);
    return w.cycles[i * w.size + w.next[i]];
  }
  switch (b.scope) {
    case Scope::Bank: {
      const Latest& l = banks_[at.bank].latest;
      return latest_of(b.preceding, [&](unsigned c) { return l[c]; }, kNever);
    }
    case Scope::BankGroup: {
      const Latest& l = groups_[instance(Scope::BankGroup, at)];
      return latest_of(b.preceding, [&](unsigned c) { return l[c]; }, kNever);
    }
    case Scope::Rank: {
      const Latest& l = ranks_[at.rank].latest;
      return latest_of(b.preceding, [&](unsigned c) { return l[c]; }, kNever);
    }
    case Scope::OtherBankGroup: {
      const Elsewhere& e = ranks_[at.rank].other_group;
      return latest_of(b.preceding, [&](unsigned c) { return e[c].away_from(at.group); }, kNever);
    }
    case Scope::OtherRank:
      return latest_of(b.preceding, [&](unsigned c) { return other_rank_[c].away_from(at.rank); },
                       kNever);
    case Scope::Channel:
      return latest_of(b.preceding, [&](unsigned c) { return channel_[c]; }, kNever);
  }
  return kNever;
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
  // One command per cycle on the command bus (JESD79-4 2.7: one command per clock).
  if (now == last_cycle_) illegal(out, c, "command bus: two commands in one cycle");

  check_refresh_deadline(c.cycle, out);
  check_states(c, out);
  check_rows(c, out);
  apply(c);
  last_cycle_ = now;
}

// Bank states, as code (JESD79-4 4.1, the simplified state diagram; the same in every
// standard here): ACT only to an idle bank; READ/WRITE only to the open row of an active bank;
// REFRESH only with every bank of the rank idle.
void TimingChecker::check_states(const DramCommand& c, std::vector<Violation>& out) const {
  if (c.cmd == Command::ACT) {
    if (banks_[bank_index(c.rank, c.bank_group, c.bank)].open) illegal(out, c, "ACT to open bank");
  } else if (is_column(c.cmd)) {
    const Bank& b = banks_[bank_index(c.rank, c.bank_group, c.bank)];
    if (!b.open) illegal(out, c, "bank closed");
    else if (b.row != c.row) illegal(out, c, "wrong row");
  } else if (c.cmd == Command::REF) {
    const std::size_t first = bank_index(c.rank, 0, 0);
    for (std::size_t i = first; i < first + std::size_t(org_.banks_per_rank()); ++i)
      if (banks_[i].open) {
        illegal(out, c, "REF with a bank open");
        break;
      }
  }
}

void TimingChecker::check_rows(const DramCommand& c, std::vector<Violation>& out) {
  touched_.clear();
  const std::size_t own = bank_index(c.rank, c.bank_group, c.bank);
  if (c.cmd == Command::PREA || c.cmd == Command::REF) {
    // Precharging an idle bank is a legal no-op (JESD79-4 4.8), so PREA touches the open ones.
    for (std::uint32_t g = 0; g < std::uint32_t(org_.bank_groups); ++g)
      for (std::uint32_t b = 0; b < std::uint32_t(org_.banks_per_group); ++b) {
        const std::size_t i = bank_index(c.rank, g, b);
        if (c.cmd == Command::REF || banks_[i].open) touched_.push_back({c.rank, g, i});
      }
  } else if (c.cmd != Command::PRE || banks_[own].open) {
    touched_.push_back({c.rank, c.bank_group, own});
  }
  if (touched_.empty()) return;

  for (const Bound& b : by_following_[std::size_t(c.cmd)]) {
    std::int64_t at = latest(b, touched_[0]);
    if (touched_.size() > 1 && (b.scope == Scope::Bank || b.scope == Scope::BankGroup))
      for (std::size_t i = 1; i < touched_.size(); ++i) at = std::max(at, latest(b, touched_[i]));
    const std::int64_t earliest = at + b.distance;
    if (std::int64_t(c.cycle) < earliest) [[unlikely]]
      out.push_back({c, names_[b.name], std::uint64_t(earliest - std::int64_t(c.cycle)), false});
  }
}

void TimingChecker::record(const DramCommand& c, const Place& at, bool first_in_group,
                           bool first_in_rank) {
  const auto now = std::int64_t(c.cycle);
  const auto cmd = std::size_t(c.cmd);
  banks_[at.bank].latest[cmd] = now;
  if (first_in_group) groups_[instance(Scope::BankGroup, at)][cmd] = now;
  if (first_in_rank) {
    ranks_[at.rank].latest[cmd] = now;
    channel_[cmd] = now;
    other_rank_[cmd].record(now, at.rank);
    ranks_[at.rank].other_group[cmd].record(now, at.group);
  }
  for (Window& w : windows_) {
    if (!(w.preceding & command_bit(c.cmd))) continue;
    const bool counts = w.scope == Scope::Bank || (w.scope == Scope::BankGroup && first_in_group) ||
                        first_in_rank;
    if (!counts) continue;
    const std::size_t i = instance(w.scope, at);
    w.cycles[i * w.size + w.next[i]] = now;
    w.next[i] = (w.next[i] + 1) % w.size;
  }
}

void TimingChecker::apply(const DramCommand& c) {
  if (c.cmd == Command::REF) {
    Rank& r = ranks_[c.rank];
    ++r.refs;
  }
  for (std::size_t i = 0; i < touched_.size(); ++i) {
    const Place& at = touched_[i];
    record(c, at, i == 0 || touched_[i - 1].group != at.group, i == 0);
    Bank& b = banks_[at.bank];
    switch (c.cmd) {
      case Command::ACT:
        b.open = true;
        b.row = c.row;
        break;
      case Command::PRE:
      case Command::PREA: b.open = false; break;
      case Command::RDA:
      case Command::WRA:
        if (b.open) close_after_auto_precharge(at);
        break;
      default: break;
    }
  }
}

// The device precharges by itself at the first cycle a PRECHARGE would be allowed (the rows
// that bound PRE in this bank: tRAS, the read or write recovery; JESD79-4 4.17).
void TimingChecker::close_after_auto_precharge(const Place& at) {
  std::int64_t earliest = kNever;
  for (const Bound& b : by_following_[std::size_t(Command::PRE)])
    if (b.scope == Scope::Bank && b.window < 0) earliest = std::max(earliest, latest(b, at) + b.distance);
  Bank& bank = banks_[at.bank];
  std::int64_t& pre = bank.latest[std::size_t(Command::PRE)];
  pre = std::max(pre, earliest);
  bank.open = false;
}

void TimingChecker::check_refresh_deadline(std::uint64_t cycle, std::vector<Violation>& out) {
  for (std::size_t i = 0; i < ranks_.size(); ++i) {
    Rank& r = ranks_[i];
    const std::uint64_t deadline =
        r.deadline_from + (r.refs - r.refs_before + std::uint64_t(max_postponed_) + 1) *
                              std::uint64_t(refresh_interval_);
    if (cycle < deadline || r.deadline_reported == r.refs) continue;
    r.deadline_reported = r.refs;
    DramCommand at;
    at.cycle = cycle;
    at.cmd = Command::REF;
    at.rank = std::uint32_t(i);
    out.push_back({at, deadline_name_, cycle - deadline + 1, true});
  }
}

void TimingChecker::reset(std::uint64_t cycle) {
  Latest never;
  never.fill(kNever);
  for (Bank& b : banks_) b = Bank{false, 0, never};
  std::fill(groups_.begin(), groups_.end(), never);
  for (Rank& r : ranks_) {
    Rank fresh;
    fresh.latest = never;
    fresh.refs = fresh.refs_before = r.refs;
    fresh.deadline_from = cycle;
    r = fresh;
  }
  channel_ = never;
  other_rank_ = Elsewhere{};
  for (Window& w : windows_) {
    std::fill(w.cycles.begin(), w.cycles.end(), kNever);
    std::fill(w.next.begin(), w.next.end(), 0);
  }
}

}  // namespace mckit::dram
