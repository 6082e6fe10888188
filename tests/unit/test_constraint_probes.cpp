// Every constraint row of every shipped preset's standard, probed on the device model's
// checker: the row's preceding and following commands (after the ACTs and PREs they need),
// the following one exactly at the row's distance: no violation under the row's name; one
// cycle earlier: reported under that name, one cycle early. Window rows (tFAW): the command
// after a full window at the bound passes, one cycle earlier is caught. Multi-clock commands:
// the next command on their bus right after their last clock, and one cycle earlier.
#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <cstdint>
#include <string>
#include <vector>

#include "dram/dram_command.h"
#include "dram/dram_preset.h"
#include "dram/standard_rules.h"
#include "dram/timing_checker.h"

namespace mckit::dram {
namespace {

struct Bank {
  std::uint32_t rank = 0, bg = 0, bank = 0;
  bool operator==(const Bank& o) const { return rank == o.rank && bg == o.bg && bank == o.bank; }
};

constexpr std::uint32_t kRow = 5;
constexpr std::uint64_t kStart = 100;

DramCommand command(std::uint64_t cycle, Command cmd, Bank b) {
  DramCommand c;
  c.cycle = cycle;
  c.cmd = cmd;
  c.rank = b.rank;
  c.bank_group = b.bg;
  c.bank = b.bank;
  c.row = kRow;
  c.column = is_column(cmd) ? 8 : 0;
  return c;
}

std::string messages(const std::vector<Violation>& vs) {
  std::string text;
  for (const Violation& v : vs) text += "\n  " + v.message();
  return text.empty() ? " (none)" : text;
}

bool leaves_open(Command c) { return c == Command::ACT || c == Command::RD || c == Command::WR; }
bool needs_open(Command c) { return is_column(c) || c == Command::PRE || c == Command::PREA; }

// Commands built one after another, each setup command at its earliest legal cycle.
class Sequence {
 public:
  explicit Sequence(const DramPreset& p) : preset_(p), checker_(p) {}

  // Places `cmd` at the first cycle >= `from` (and after the last command) the checker accepts.
  std::uint64_t earliest(Command cmd, Bank b, std::uint64_t from = 0) {
    std::uint64_t lo = std::max(from, next_), hi = lo + 4096;
    EXPECT_TRUE(accepts(command(hi, cmd, b))) << describe(command(hi, cmd, b)) << " never legal";
    while (lo < hi) {  // violations only get fewer as the command moves later
      const std::uint64_t mid = lo + (hi - lo) / 2;
      if (accepts(command(mid, cmd, b))) hi = mid;
      else lo = mid + 1;
    }
    add(command(lo, cmd, b));
    return lo;
  }

  void add(const DramCommand& c) {
    std::vector<Violation> out;
    checker_.execute(c, out);
    EXPECT_TRUE(out.empty()) << "setup broke a rule:" << messages(out);
    next_ = c.cycle + 1;
  }

  std::uint64_t next() const { return next_; }

  // The violations `c` would raise now.
  std::vector<Violation> try_command(const DramCommand& c) const {
    TimingChecker trial = checker_;
    std::vector<Violation> out;
    trial.execute(c, out);
    return out;
  }

 private:
  bool accepts(const DramCommand& c) const { return try_command(c).empty(); }

  DramPreset preset_;
  TimingChecker checker_;
  std::uint64_t next_ = kStart;
};

class ConstraintProbes : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    p_ = load_preset(GetParam());
    rules_ = load_standard_rules(p_.standard);
    two_ranks_ = p_;
    two_ranks_.org.ranks = std::max(2, p_.org.ranks);
    for (const ConstraintRow& row : rules_.rows)
      settle_ = std::max<std::int64_t>(settle_, timing_expression(row.distance, p_.timing, row.where));
  }

  // The bank the following command goes to; the preceding one goes to kP.
  Bank following_bank(Scope s) const {
    const std::uint32_t other_group = p_.org.bank_groups > 1 ? 1 : 0;
    switch (s) {
      case Scope::Bank: return kP;
      case Scope::BankGroup: return Bank{0, 0, 1};
      case Scope::Rank: return other_group ? Bank{0, 1, 0} : Bank{0, 0, 1};
      case Scope::OtherBankGroup: return Bank{0, 1, 0};
      default: return Bank{1, 0, 0};  // another rank, on a two-rank copy of the preset
    }
  }

  // One pair of a row, unless it cannot occur (the following command would be a no-op or
  // illegal after the preceding one in the same bank) or cannot bind (distance < 2). A
  // following command to another bank that needs it open finds it opened first (tPPD: a PRE
  // or PREA to idle banks is a no-op).
  void probe_pair(const ConstraintRow& row, Command pre, Command fol, std::int64_t distance) {
    SCOPED_TRACE(row.where + ": " + std::string(command_name(pre)) + " -> " +
                 std::string(command_name(fol)) + ", distance " + std::to_string(distance));
    const Bank fb = following_bank(row.scope);
    const bool open_other = !(fb == kP) && (is_column(fol) || needs_open(fol));
    const bool same_bank =
        fb == kP || fol == Command::REF || (fol == Command::PREA && !open_other);
    // A PREA closes the rank: what follows it on a bank could only go to one opened since,
    // which tRAS keeps closed longer than any PRE to PRE spacing (tPPD).
    const bool rank_closed = pre == Command::PREA && fb.rank == kP.rank;
    if ((same_bank && !leaves_open(pre)) || rank_closed) {
      if (is_column(fol) || needs_open(fol)) {
        ++skipped_;  // e.g. RDA then PRE: the bank is already closed, a PRE is a no-op
        return;
      }
    }
    if (distance < 2) {
      ++vacuous_;  // the next cycle already meets it: nothing to catch
      return;
    }
    const DramPreset& q = fb.rank == 0 ? p_ : two_ranks_;

    auto build = [&](std::uint64_t shift_back) {
      Sequence s(q);
      if (needs_open(pre) || is_column(pre)) s.earliest(Command::ACT, kP);
      if (open_other) s.earliest(Command::ACT, fb);
      const std::uint64_t p_at = s.earliest(pre, kP, s.next() + std::uint64_t(settle_));
      // The following command needs its bank closed: close it as early as allowed.
      if (fol == Command::ACT && fb == kP && leaves_open(pre)) s.earliest(Command::PRE, kP);
      if (fol == Command::REF && leaves_open(pre)) s.earliest(Command::PRE, kP);
      const std::uint64_t at = p_at + std::uint64_t(distance) - shift_back;
      EXPECT_GT(at, s.next() - 1) << "the probe would share a cycle with its setup";
      return s.try_command(command(at, fol, fb));
    };
    expect_named(build(0), build(1), row.name);
    ++probed_;
  }

  static void expect_named(const std::vector<Violation>& on_time,
                           const std::vector<Violation>& early, const std::string& name) {
    for (const Violation& v : on_time)
      EXPECT_NE(v.constraint, name) << "on time:" << messages(on_time);
    int named = 0;
    for (const Violation& v : early)
      if (v.constraint == name) {
        ++named;
        EXPECT_EQ(v.cycles, 1u) << v.message();
        EXPECT_FALSE(v.late);
      }
    EXPECT_GE(named, 1) << "one cycle early:" << messages(early);
  }

  // `window` preceding commands, each at its earliest, to banks of distinct groups where the
  // preset has them; then one more at the oldest + distance.
  void probe_window(const ConstraintRow& row, std::int64_t distance) {
    SCOPED_TRACE(row.where + ", window " + std::to_string(row.window));
    ASSERT_EQ(row.preceding, command_bit(Command::ACT)) << "the probe fills windows with ACTs";
    ASSERT_EQ(row.following, command_bit(Command::ACT));
    auto bank = [&](int i) {
      return Bank{0, std::uint32_t(i % p_.org.bank_groups), std::uint32_t(i / p_.org.bank_groups)};
    };
    auto build = [&](std::uint64_t shift_back) {
      Sequence s(p_);
      std::uint64_t first = 0;
      for (int i = 0; i < row.window; ++i) {
        const std::uint64_t at = s.earliest(Command::ACT, bank(i));
        if (i == 0) first = at;
      }
      const std::uint64_t at = first + std::uint64_t(distance) - shift_back;
      EXPECT_GE(at, s.next()) << "the window's bound falls inside the window";
      return s.try_command(command(at, Command::ACT, bank(row.window)));
    };
    expect_named(build(0), build(1), row.name);
    ++probed_;
  }

  static constexpr Bank kP{0, 0, 0};
  DramPreset p_, two_ranks_;
  StandardRules rules_;
  std::int64_t settle_ = 0;
  int probed_ = 0, skipped_ = 0, vacuous_ = 0;
};

TEST_P(ConstraintProbes, EveryRowBindsAtItsDistance) {
  for (const ConstraintRow& row : rules_.rows) {
    const std::int64_t distance = timing_expression(row.distance, p_.timing, row.where);
    const int before = probed_;
    if (row.window > 0) {
      probe_window(row, distance);
    } else {
      for (unsigned pb = row.preceding; pb != 0; pb &= pb - 1)
        for (unsigned fb = row.following; fb != 0; fb &= fb - 1)
          probe_pair(row, Command(__builtin_ctz(pb)), Command(__builtin_ctz(fb)), distance);
    }
    // A row that can bind on this preset is probed at least once.
    if (distance >= 2) {
      EXPECT_GT(probed_, before) << row.where << " was never probed";
    }
  }
  std::cout << p_.name << ": " << probed_ << " pairs probed, " << skipped_
            << " no-op pairs (a PRE or column command after the bank or rank closed), " << vacuous_
            << " pairs that never bind (distance < 2)\n";
}

// A multi-clock command holds its bus for its clocks (the standard's command_buses): every
// command of that bus may follow it right after its last clock, and one cycle earlier is
// reported under the bus, one cycle early; a command of another bus may go the next cycle.
TEST_P(ConstraintProbes, MultiClockCommandsHoldTheirBus) {
  int held = 0;
  const auto bus_named = [&](const std::vector<Violation>& vs) {
    for (const Violation& v : vs)
      for (const CommandBus& b : rules_.buses)
        if (v.constraint.rfind(b.name + " bus", 0) == 0) return true;
    return false;
  };
  CommandSet standard_has = 0;
  for (const CommandBus& bus : rules_.buses) standard_has = CommandSet(standard_has | bus.commands);
  for (const CommandBus& bus : rules_.buses) {
    for (int m = 0; m < kCommandCount; ++m) {
      const int clocks = bus.clocks[std::size_t(m)];
      if (!(bus.commands & command_bit(Command(m))) || clocks < 2) continue;
      for (int f = 0; f < kCommandCount; ++f) {
        if (!(standard_has & command_bit(Command(f)))) continue;  // NOP, a refresh it lacks
        SCOPED_TRACE(bus.name + " bus: " + std::string(command_name(Command(m))) + " then " +
                     std::string(command_name(Command(f))));
        auto build = [&](std::uint64_t after) {
          Sequence s(p_);
          if (is_column(Command(m))) s.earliest(Command::ACT, kP);
          const std::uint64_t at = s.earliest(Command(m), kP, s.next() + std::uint64_t(settle_));
          return s.try_command(command(at + after, Command(f), Bank{0, 0, 1}));
        };
        if (bus.commands & command_bit(Command(f))) {
          expect_named(build(std::uint64_t(clocks)), build(std::uint64_t(clocks - 1)),
                       bus.name + " bus");
          const auto on_time = build(std::uint64_t(clocks));
          EXPECT_FALSE(bus_named(on_time)) << messages(on_time);
          ++held;
        } else {
          const auto beside = build(1);
          EXPECT_FALSE(bus_named(beside)) << "another bus, the next cycle:" << messages(beside);
        }
      }
    }
  }
  std::cout << p_.name << ": " << held << " multi-clock pairs probed on their bus\n";
}

std::string preset_test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Presets, ConstraintProbes, ::testing::ValuesIn(shipped_preset_names()),
                         preset_test_name);

}  // namespace
}  // namespace mckit::dram
