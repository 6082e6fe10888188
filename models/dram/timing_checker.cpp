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

}  // namespace

std::string address_range_error(const DramCommand& c, const Organization& org) {
  const bool bank_cmd = c.cmd == Command::ACT || c.cmd == Command::PRE || is_column(c.cmd) ||
                        c.cmd == Command::REFpb;
  const bool row_cmd = c.cmd == Command::ACT || is_column(c.cmd);
  const struct {
    const char* name;
    std::uint32_t value;
    int limit;
    bool used;
  } fields[] = {{"rank", c.rank, org.ranks, true},
                {"bank group", c.bank_group, org.bank_groups, bank_cmd},
                {"bank", c.bank, org.banks_per_group, bank_cmd || c.cmd == Command::REFsb},
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
      other_group_(std::size_t(org_.ranks) * kCommands),
      other_rank_(kCommands),
      open_(std::size_t(org_.ranks) * org_.banks_per_rank()),
      row_(open_.size()),
      ranks_(std::size_t(org_.ranks)),
      bank_refresh_(open_.size()),
      touched_(std::size_t(org_.banks_per_rank())) {
  group_base_ = open_.size();
  rank_base_ = group_base_ + std::size_t(org_.ranks) * org_.bank_groups;
  // With one rank, the channel is that rank: one instance to record and to look at.
  channel_base_ = ranks_.size() == 1 ? rank_base_ : rank_base_ + ranks_.size();
  group_classes(rules);
  const std::size_t classes = *std::max_element(class_of_.begin(), class_of_.end()) + 1u;
  stride_ = classes + std::size_t(std::count_if(rules.rows.begin(), rules.rows.end(),
                                                [](const ConstraintRow& r) { return r.window > 0; }));
  latest_.resize((channel_base_ + 1) * stride_);

  for (const ConstraintRow& row : rules.rows) {
    Bound b{};
    b.distance = timing_expression(row.distance, preset.timing, row.where);
    for (unsigned bits = row.preceding; bits != 0; bits &= bits - 1) {
      const std::uint8_t cls = class_of_[std::size_t(__builtin_ctz(bits))];
      if (std::find(b.preceding.begin(), b.preceding.begin() + b.count, cls) ==
          b.preceding.begin() + b.count)
        b.preceding[b.count++] = cls;
    }
    const auto named = std::find(names_.begin(), names_.end(), row.name);
    b.name = std::size_t(named - names_.begin());
    if (named == names_.end()) names_.push_back(row.name);
    switch (row.scope) {
      case Scope::Bank: b.level = kBank; break;
      case Scope::BankGroup: b.level = kGroup; break;
      case Scope::Rank: b.level = kRank; break;
      case Scope::Channel: b.level = kChannel; break;
      case Scope::OtherBankGroup: b.level = kOtherGroup; break;
      case Scope::OtherRank: b.level = kOtherRank; break;
    }
    if (row.window > 0) {
      b.level = kWindow;
      b.window = windows_.size();
      const std::size_t base = row.scope == Scope::Bank        ? 0
                               : row.scope == Scope::BankGroup ? group_base_
                               : row.scope == Scope::Rank      ? rank_base_
                                                               : channel_base_;
      Window w{classes + windows_.size(), base, row.scope, row.preceding,
               std::size_t(row.window), {}, {}};
      const std::size_t instances = row.scope == Scope::Bank        ? open_.size()
                                    : row.scope == Scope::BankGroup ? rank_base_ - group_base_
                                    : row.scope == Scope::Rank      ? ranks_.size()
                                                                    : 1;
      w.cycles.resize(instances * w.size);
      w.next.resize(instances);
      windows_.push_back(std::move(w));
      window_commands_ = CommandSet(window_commands_ | row.preceding);
    }
    for (unsigned bits = row.following; bits != 0; bits &= bits - 1)
      by_following_[std::size_t(__builtin_ctz(bits))].push_back(b);
  }
  compile_terms();
  for (const CommandBus& bus : rules.buses) {
    commands_ = CommandSet(commands_ | bus.commands);
    for (unsigned bits = bus.commands; bits != 0; bits &= bits - 1)
      bus_of_[std::size_t(__builtin_ctz(bits))] = std::uint8_t(bus_violation_.size());
    bus_violation_.push_back(bus.name + " bus: two commands in one cycle");
    bus_early_.push_back(bus.name + " bus");
    bus_clocks_.push_back(bus.clocks);
  }
  bus_last_.assign(bus_violation_.size(), kNever);
  bus_free_.assign(bus_violation_.size(), kNever);
  const std::string interval_where = rules.file + ": refresh: interval";
  refresh_interval_ = timing_expression(rules.refresh.interval, preset.timing, interval_where);
  max_postponed_ = rules.refresh.max_postponed;
  max_pulled_in_ = rules.refresh.max_pulled_in;
  for (const RefreshKind& k : rules.kinds)
    if (k.command == Command::REFpb) pair_offset_ = std::uint32_t(k.pair_offset);
  if (pair_offset_ >= std::uint32_t(org_.banks_per_rank()))
    throw std::invalid_argument(rules.file + ": the REFpb pair offset " +
                                std::to_string(pair_offset_) + " is beyond the " +
                                std::to_string(org_.banks_per_rank()) + " banks of a rank");
  deadline_name_ = rules.refresh.interval + ": more than " + std::to_string(max_postponed_) +
                   " refreshes postponed";
  reset(0);
}

std::size_t TimingChecker::window_instance(Scope s, const Place& at) const {
  switch (s) {
    case Scope::Bank: return at.bank;
    case Scope::BankGroup: return std::size_t(at.rank) * org_.bank_groups + at.group;
    case Scope::Rank: return at.rank;
    default: return 0;
  }
}

// Commands that every row names together (RD and RDA, WR and WRA) share one latest cycle, and
// as following commands one term list: fewer to record and to compare. PRE and PREA keep their
// own latest cycle, for precharge_cycle().
void TimingChecker::group_classes(const StandardRules& rules) {
  const auto group = [&](std::array<std::uint8_t, kCommands>& slot_of, bool preceding) {
    std::vector<std::vector<bool>> signatures;
    for (std::size_t c = 0; c < kCommands; ++c) {
      std::vector<bool> sig;
      for (const ConstraintRow& row : rules.rows)
        sig.push_back(((preceding ? row.preceding : row.following) & command_bit(Command(c))) != 0);
      sig.push_back(preceding && c == std::size_t(Command::PRE));
      sig.push_back(preceding && c == std::size_t(Command::PREA));
      const auto same = std::find(signatures.begin(), signatures.end(), sig);
      slot_of[c] = std::uint8_t(same - signatures.begin());
      if (same == signatures.end()) signatures.push_back(std::move(sig));
    }
  };
  group(class_of_, true);
  group(following_of_, false);
}

// For each following command, the latest cycles its rows look at, each with the largest
// distance of the rows it serves.
void TimingChecker::compile_terms() {
  for (std::size_t f = 0; f < kCommands; ++f) {
    const auto shared = following_of_.begin() + std::ptrdiff_t(f);
    if (std::find(following_of_.begin(), shared, *shared) != shared) continue;
    compile_terms(by_following_[f], terms_of_[*shared]);
  }
}

void TimingChecker::compile_terms(const std::vector<Bound>& rows, Terms& out) {
  std::size_t first = terms_.size();
  const auto add = [&](Level level, std::size_t slot, std::int64_t distance) {
    const auto same = std::find_if(terms_.begin() + std::ptrdiff_t(first), terms_.end(),
                                   [&](const Term& t) { return t.level == level && t.slot == slot; });
    if (same == terms_.end()) terms_.push_back({distance, level, std::uint16_t(slot)});
    else same->distance = std::max(same->distance, distance);
  };
  out.first = std::uint16_t(first);
  for (std::size_t at = kBank; at <= kOtherRank; ++at) {
    // Each part on its own: the local one is taken at every bank of a PREA or REF.
    if (at == kRank) out.local = std::uint16_t(first = terms_.size());
    if (at == kOtherGroup) out.direct = std::uint16_t(first = terms_.size());
    if (at == kOtherRank) out.other_group = std::uint16_t(first = terms_.size());
    // No other rank, or no other bank group: nothing to wait for.
    if ((at == kOtherRank && org_.ranks == 1) || (at == kOtherGroup && org_.bank_groups == 1))
      continue;
    // With one rank, the channel's latest cycles are the rank's.
    const auto level = Level(at == kChannel && org_.ranks == 1 ? std::size_t(kRank) : at);
    for (const Bound& b : rows) {
      if (b.level == kWindow) {  // its oldest cycle, kept at its scope's level
        const Window& w = windows_[b.window];
        const Level scope = w.scope == Scope::Bank        ? kBank
                            : w.scope == Scope::BankGroup ? kGroup
                            : w.scope == Scope::Rank      ? kRank
                                                          : kChannel;
        if (scope == at) add(level, w.slot, b.distance);
        continue;
      }
      if (b.level != at) continue;
      for (std::uint8_t k = 0; k < b.count; ++k) add(level, b.preceding[k], b.distance);
    }
  }
  out.end = std::uint16_t(terms_.size());
}

[[gnu::always_inline]] inline std::int64_t TimingChecker::earliest(std::size_t following,
                                                                   const Place& at) const {
  const Terms& terms = terms_of_[following];
  const Term* t = terms_.data();
  const std::int64_t* const latest[] = {
      &latest_[at.bank * stride_], &latest_[group_instance(at) * stride_],
      &latest_[(rank_base_ + at.rank) * stride_], &latest_[channel_base_ * stride_]};
  std::int64_t cycle = kNever;
  for (std::uint16_t i = terms.first; i < terms.direct; ++i)
    cycle = std::max(cycle, latest[t[i].level][t[i].slot] + t[i].distance);
  const ElsewhereLatest* group = &other_group_[std::size_t(at.rank) * kCommands];
  for (std::uint16_t i = terms.direct; i < terms.other_group; ++i)
    cycle = std::max(cycle, group[t[i].slot].away_from(at.group) + t[i].distance);
  for (std::uint16_t i = terms.other_group; i < terms.end; ++i)
    cycle = std::max(cycle, other_rank_[t[i].slot].away_from(at.rank) + t[i].distance);
  return cycle;
}

std::int64_t TimingChecker::precharge_cycle(std::uint32_t rank, std::uint32_t bg,
                                            std::uint32_t b) const {
  const std::int64_t* l = &latest_.at(bank_index(rank, bg, b) * stride_);
  return std::max(l[class_of_[std::size_t(Command::PRE)]], l[class_of_[std::size_t(Command::PREA)]]);
}

std::int64_t TimingChecker::latest(const Bound& b, const Place& at) const {
  std::int64_t cycle = kNever;
  const std::uint8_t* pre = b.preceding.data();
  switch (b.level) {
    case kBank:
    case kGroup:
    case kRank:
    case kChannel: {
      const std::size_t instance = b.level == kBank    ? at.bank
                                   : b.level == kGroup ? group_instance(at)
                                   : b.level == kRank  ? rank_base_ + at.rank
                                                       : channel_base_;
      const std::int64_t* l = &latest_[instance * stride_];
      for (std::uint8_t k = 0; k < b.count; ++k) cycle = std::max(cycle, l[pre[k]]);
      return cycle;
    }
    case kOtherGroup: {
      const ElsewhereLatest* e = &other_group_[std::size_t(at.rank) * kCommands];
      for (std::uint8_t k = 0; k < b.count; ++k) cycle = std::max(cycle, e[pre[k]].away_from(at.group));
      return cycle;
    }
    case kOtherRank:
      for (std::uint8_t k = 0; k < b.count; ++k)
        cycle = std::max(cycle, other_rank_[pre[k]].away_from(at.rank));
      return cycle;
    case kWindow: {  // the oldest of the last `size` preceding commands
      const Window& w = windows_[b.window];
      const std::size_t i = window_instance(w.scope, at);
      return w.cycles[i * w.size + w.next[i]];
    }
  }
  return cycle;
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
  // A command the standard lacks (a REFpb on DDR4) is named and does nothing.
  if (!(commands_ & command_bit(c.cmd))) return illegal(out, c, "not a command of this standard");
  // One command per clock on each command bus, and none while a multi-clock command still
  // holds it (the standard file's command_buses).
  const std::size_t bus = bus_of_[std::size_t(c.cmd)];
  if (now == bus_last_[bus])
    illegal(out, c, bus_violation_[bus].c_str());
  else if (now < bus_free_[bus])
    out.push_back({c, bus_early_[bus], std::uint64_t(bus_free_[bus] - now), false});
  bus_last_[bus] = now;
  bus_free_[bus] = now + bus_clocks_[bus][std::size_t(c.cmd)];

  check_refresh_deadline(c.cycle, out);
  if (c.cmd == Command::PREA || is_refresh(c.cmd)) {
    check_rank_wide(c, out);
    apply_rank_wide(c);
  } else {
    const Place at{c.rank, c.bank_group, bank_index(c.rank, c.bank_group, c.bank)};
    check_bank_command(c, at, out);
    apply_bank_command(c, at);
  }
  last_cycle_ = now;
}

// Bank states stay code (JESD79-4 4.1, the simplified state diagram; the same in every
// standard here): ACT only to an idle bank; READ/WRITE only to the open row of an active bank;
// REFRESH only with every bank of the rank idle (check_rank_wide).
[[gnu::always_inline]] inline void TimingChecker::check_bank_command(const DramCommand& c, const Place& at,
                                       std::vector<Violation>& out) const {
  if (c.cmd == Command::PRE) {
    if (!open_[at.bank]) return;  // precharging an idle bank is a legal no-op (JESD79-4 4.8)
  } else if (c.cmd == Command::ACT) {
    if (open_[at.bank]) illegal(out, c, "ACT to open bank");
  } else if (!open_[at.bank]) {
    illegal(out, c, "bank closed");
  } else if (row_[at.bank] != c.row) {
    illegal(out, c, "wrong row");
  }
  const auto now = std::int64_t(c.cycle);
  if (now >= earliest(following_of_[std::size_t(c.cmd)], at)) return;
  for (const Bound& b : by_following_[std::size_t(c.cmd)]) {  // name each row broken
    const std::int64_t bound = latest(b, at) + b.distance;
    if (now < bound) out.push_back({c, names_[b.name], std::uint64_t(bound - now), false});
  }
}

// Whether a refresh `c` refreshes bank `bank` of group `group` of its rank: REF every bank;
// REFpb its bank (and, where the standard pairs banks, the bank whose index in the rank
// differs by the pair offset); REFsb its bank index in every bank group.
bool TimingChecker::touches(const DramCommand& c, std::uint32_t group, std::uint32_t bank) const {
  switch (c.cmd) {
    case Command::REFpb: {
      const std::uint32_t per_group = std::uint32_t(org_.banks_per_group);
      const std::uint32_t in_rank = group * per_group + bank;
      const std::uint32_t target = c.bank_group * per_group + c.bank;
      return in_rank == target || (pair_offset_ != 0 && in_rank == (target ^ pair_offset_));
    }
    case Command::REFsb: return bank == c.bank;
    default: return true;
  }
}

// PREA touches the open banks of its rank (an idle one is a no-op), a refresh the banks it
// refreshes, which must be idle.
void TimingChecker::check_rank_wide(const DramCommand& c, std::vector<Violation>& out) {
  const bool refresh = is_refresh(c.cmd);
  std::size_t bank = bank_index(c.rank, 0, 0);
  bool any_open = false;
  touched_count_ = 0;
  for (std::uint32_t g = 0; g < std::uint32_t(org_.bank_groups); ++g)
    for (std::uint32_t b = 0; b < std::uint32_t(org_.banks_per_group); ++b, ++bank) {
      const bool refreshed = refresh && touches(c, g, b);
      any_open = any_open || (refreshed && open_[bank]);
      if (refreshed || (!refresh && open_[bank])) touched_[touched_count_++] = Place{c.rank, g, bank};
    }
  // JESD79-4 4.1 for REF; REFpb (JESD209-5, as Ramulator2 LPDDR5.cpp's REFpb prerequisite of
  // its closed bank pair) and REFsb (JESD79-5, Ramulator2 DDR5.cpp RequireSameBanksClosed)
  // need only the banks they refresh idle.
  if (refresh && any_open)
    illegal(out, c, c.cmd == Command::REF ? "REF with a bank open" : "refreshed bank open");
  if (touched_count_ == 0) return;
  const auto now = std::int64_t(c.cycle);
  // Every term at the first bank; the bank and group ones (windows included) at the others.
  const std::size_t following = following_of_[std::size_t(c.cmd)];
  std::int64_t cycle = earliest(following, touched_[0]);
  const Terms& local = terms_of_[following];
  for (std::size_t i = 1; i < touched_count_; ++i) {
    const std::int64_t* const latest[] = {&latest_[touched_[i].bank * stride_],
                                          &latest_[group_instance(touched_[i]) * stride_]};
    for (std::uint16_t k = local.first; k < local.local; ++k)
      cycle = std::max(cycle, latest[terms_[k].level][terms_[k].slot] + terms_[k].distance);
  }
  if (now >= cycle) return;
  for (const Bound& b : by_following_[std::size_t(c.cmd)]) {  // name each row broken
    std::int64_t at = latest(b, touched_[0]);
    if (b.level == kBank || b.level == kGroup || b.level == kWindow)
      for (std::size_t i = 1; i < touched_count_; ++i) at = std::max(at, latest(b, touched_[i]));
    if (now < at + b.distance)
      out.push_back({c, names_[b.name], std::uint64_t(at + b.distance - now), false});
  }
}

[[gnu::always_inline]] inline void TimingChecker::record_local(std::size_t cls, const Place& at, bool first_in_group,
                                 std::int64_t now) {
  latest_[at.bank * stride_ + cls] = now;
  if (first_in_group) latest_[group_instance(at) * stride_ + cls] = now;
}

[[gnu::always_inline]] inline void TimingChecker::record_wide(std::size_t cls, const Place& at, std::int64_t now) {
  latest_[(rank_base_ + at.rank) * stride_ + cls] = now;
  latest_[channel_base_ * stride_ + cls] = now;
  // Elsewhere than in a single rank or group there is nothing (compile_terms() keeps no term).
  if (org_.ranks > 1) other_rank_[cls].record(now, at.rank);
  if (org_.bank_groups > 1) other_group_[std::size_t(at.rank) * kCommands + cls].record(now, at.group);
}

// A window's bound is its oldest cycle, kept beside the latest cycles of its scope's level.
void TimingChecker::record_windows(const DramCommand& c, const Place& at, bool first_in_group,
                                   bool first_in_rank) {
  for (Window& w : windows_) {
    if (!(w.preceding & command_bit(c.cmd))) continue;
    const bool counts = w.scope == Scope::Bank || (w.scope == Scope::BankGroup && first_in_group) ||
                        first_in_rank;
    if (!counts) continue;
    const std::size_t i = window_instance(w.scope, at);
    std::int64_t* ring = &w.cycles[i * w.size];
    std::size_t& next = w.next[i];
    ring[next] = std::int64_t(c.cycle);
    next = next + 1 == w.size ? 0 : next + 1;
    latest_[(w.base + i) * stride_ + w.slot] = ring[next];
  }
}

void TimingChecker::apply_rank_wide(const DramCommand& c) {
  if (c.cmd == Command::REF) ++ranks_[c.rank].refs;
  if (is_partial_refresh(c.cmd)) ranks_[c.rank].last_partial = c.cmd;
  if (is_refresh(c.cmd)) {
    for (std::size_t i = 0; i < touched_count_; ++i)
      credit_refresh(ranks_[c.rank], bank_refresh_[touched_[i].bank], c.cycle);
    find_next_deadline();
  }
  const std::size_t cls = class_of_[std::size_t(c.cmd)];
  const auto now = std::int64_t(c.cycle);
  const bool windowed = window_commands_ & command_bit(c.cmd);
  for (std::size_t i = 0; i < touched_count_; ++i) {  // as check_rank_wide found them
    const Place& at = touched_[i];
    const bool first_in_group = i == 0 || touched_[i - 1].group != at.group;
    record_local(cls, at, first_in_group, now);
    if (windowed) record_windows(c, at, first_in_group, i == 0);
    open_[at.bank] = 0;
  }
  if (touched_count_ > 0) record_wide(cls, touched_[0], now);
}

[[gnu::always_inline]] inline void TimingChecker::apply_bank_command(const DramCommand& c, const Place& at) {
  if (c.cmd == Command::PRE && !open_[at.bank]) return;  // a no-op
  const std::size_t cls = class_of_[std::size_t(c.cmd)];
  const auto now = std::int64_t(c.cycle);
  record_local(cls, at, true, now);
  record_wide(cls, at, now);
  if (window_commands_ & command_bit(c.cmd)) record_windows(c, at, true, true);
  switch (c.cmd) {
    case Command::ACT:
      open_[at.bank] = 1;
      row_[at.bank] = c.row;
      break;
    case Command::PRE: open_[at.bank] = 0; break;
    case Command::RDA:
    case Command::WRA:
      if (open_[at.bank]) close_after_auto_precharge(at);
      break;
    default: break;
  }
}

// The device precharges by itself at the first cycle a PRECHARGE would be allowed (the rows
// that bound PRE in this bank: tRAS, the read or write recovery; JESD79-4 4.17).
void TimingChecker::close_after_auto_precharge(const Place& at) {
  std::int64_t earliest = kNever;
  for (const Bound& b : by_following_[std::size_t(Command::PRE)])
    if (b.level == kBank) earliest = std::max(earliest, latest(b, at) + b.distance);
  std::int64_t& pre = latest_[at.bank * stride_ + class_of_[std::size_t(Command::PRE)]];
  pre = std::max(pre, earliest);
  open_[at.bank] = 0;
}

// A refresh counts toward its bank's deadline unless it would put the bank more than
// max_pulled_in refreshes ahead of the intervals passed since the reset.
void TimingChecker::credit_refresh(const Rank& r, BankRefresh& b, std::uint64_t cycle) {
  const std::uint64_t intervals =
      cycle > r.deadline_from ? (cycle - r.deadline_from) / std::uint64_t(refresh_interval_) : 0;
  if (b.credited < intervals + std::uint64_t(max_pulled_in_)) ++b.credited;
}

std::uint64_t TimingChecker::deadline(const Rank& r, const BankRefresh& b) const {
  return r.deadline_from +
         (b.credited + std::uint64_t(max_postponed_) + 1) * std::uint64_t(refresh_interval_);
}

// The earliest deadline not yet reported: until then no command needs the banks walked.
void TimingChecker::find_next_deadline() {
  next_deadline_ = UINT64_MAX;
  const std::size_t per_rank = std::size_t(org_.banks_per_rank());
  for (std::size_t i = 0; i < bank_refresh_.size(); ++i) {
    const BankRefresh& b = bank_refresh_[i];
    if (b.deadline_reported != b.credited)
      next_deadline_ = std::min(next_deadline_, deadline(ranks_[i / per_rank], b));
  }
}

// One report per rank and check: REF when every bank of the rank is overdue (all-bank
// refresh), else the first overdue bank under the rank's last REFpb or REFsb.
void TimingChecker::check_refresh_deadline(std::uint64_t cycle, std::vector<Violation>& out) {
  if (cycle < next_deadline_) return;
  const std::uint32_t per_group = std::uint32_t(org_.banks_per_group);
  const std::size_t per_rank = std::size_t(org_.banks_per_rank());
  for (std::size_t rank = 0; rank < ranks_.size(); ++rank) {
    const Rank& r = ranks_[rank];
    std::uint64_t earliest = UINT64_MAX;
    std::size_t overdue = 0, first = 0;
    for (std::size_t i = 0; i < per_rank; ++i) {
      BankRefresh& b = bank_refresh_[rank * per_rank + i];
      const std::uint64_t due = deadline(r, b);
      if (cycle < due || b.deadline_reported == b.credited) continue;
      b.deadline_reported = b.credited;
      if (overdue++ == 0) first = i;
      earliest = std::min(earliest, due);
    }
    if (overdue == 0) continue;
    DramCommand at;
    at.cycle = cycle;
    at.rank = std::uint32_t(rank);
    at.cmd = overdue == per_rank ? Command::REF : r.last_partial;
    at.bank_group = std::uint32_t(first) / per_group;
    at.bank = std::uint32_t(first) % per_group;
    out.push_back({at, deadline_name_, cycle - earliest + 1, true});
  }
  find_next_deadline();
}

void TimingChecker::reset(std::uint64_t cycle) {
  std::fill(latest_.begin(), latest_.end(), kNever);
  std::fill(open_.begin(), open_.end(), 0);
  std::fill(other_group_.begin(), other_group_.end(), ElsewhereLatest{});
  std::fill(other_rank_.begin(), other_rank_.end(), ElsewhereLatest{});
  for (Rank& r : ranks_) {
    Rank fresh;
    fresh.refs = r.refs;
    fresh.deadline_from = cycle;
    r = fresh;
  }
  std::fill(bank_refresh_.begin(), bank_refresh_.end(), BankRefresh{});
  for (Window& w : windows_) {
    std::fill(w.cycles.begin(), w.cycles.end(), kNever);
    std::fill(w.next.begin(), w.next.end(), 0);
  }
  find_next_deadline();
}

}  // namespace mckit::dram
