// Checks every command against the constraint rows of its standard (configs/standards/, see
// standard_rules.h) and the legal bank states. It is the judge of the controllers, so it takes
// nothing from them: each rule is a row of the standard's description, evaluated generically.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "dram/dram_command.h"
#include "dram/dram_preset.h"
#include "dram/standard_rules.h"

namespace mckit::dram {

struct Violation {
  DramCommand command;     // the offending command (its cycle is when it was seen)
  std::string constraint;  // "tRCD", "tFAW", "bank closed", ...
  std::uint64_t cycles = 0;  // how early (or, for the refresh deadline, how late); 0 for states
  bool late = false;

  std::string message() const;  // "cycle 120: RD r0 bg1 b2 row 7 col 16: tRCD, 3 cycles early"
};

// Names the first field of `c` outside the device ("row 70000 out of range (...)"), or "".
std::string address_range_error(const DramCommand& c, const Organization& org);

class TimingChecker {
 public:
  // The rows of the preset's standard, from its shipped description.
  explicit TimingChecker(const DramPreset& preset);
  TimingChecker(const DramPreset& preset, const StandardRules& rules);

  // Checks `c` (cycle >= the previous command's) and applies it to the bank state,
  // appending what it breaks to `out`. Throws std::invalid_argument on a field out of range
  // or a cycle before the previous command's.
  void execute(const DramCommand& c, std::vector<Violation>& out);

  // Reports ranks with a bank whose refresh is overdue at `cycle` (more refreshes postponed
  // than the standard allows; REF refreshes every bank of its rank, REFpb and REFsb some).
  void check_refresh_deadline(std::uint64_t cycle, std::vector<Violation>& out);

  // The device's reset and initialization, done by `cycle`: every bank closed, every timing
  // constraint met, the refresh deadline counted afresh from `cycle`.
  void reset(std::uint64_t cycle);

  bool bank_open(std::uint32_t rank, std::uint32_t bg, std::uint32_t bank) const {
    return open_.at(bank_index(rank, bg, bank)) != 0;
  }
  // Cycle at which an RDA/WRA closes its bank, or the PRE's cycle.
  std::int64_t precharge_cycle(std::uint32_t rank, std::uint32_t bg, std::uint32_t bank) const;
  std::uint64_t refreshes(std::uint32_t rank) const { return ranks_.at(rank).refs; }
  // The banks the last PREA or refresh touched.
  int banks_touched() const { return int(touched_count_); }
  // The standard's limits on postponed and pulled-in refreshes, from its description.
  int max_postponed_refresh() const { return max_postponed_; }
  int max_pulled_in_refresh() const { return max_pulled_in_; }

 private:
  static constexpr std::int64_t kNever = INT64_MIN / 4;
  static constexpr std::size_t kCommands = kCommandCount;

  // Where a row looks for its preceding command, as stored here.
  enum Level : std::uint8_t { kBank, kGroup, kRank, kChannel, kOtherGroup, kOtherRank, kWindow };

  // The latest cycle of a command elsewhere than in one bank group (or rank): the last one,
  // and the last one from another place than the last one's.
  struct ElsewhereLatest {
    std::int64_t last = kNever, other = kNever;
    std::uint32_t place = UINT32_MAX;
    void record(std::int64_t cycle, std::uint32_t where);
    std::int64_t away_from(std::uint32_t where) const { return where != place ? last : other; }
  };

  // A row compiled for this preset: its distance evaluated once, its preceding commands listed.
  struct Bound {
    Level level;
    std::uint8_t count;  // of preceding commands
    std::array<std::uint8_t, kCommands> preceding;
    std::int64_t distance;
    std::size_t window;  // index into windows_ (level kWindow)
    std::size_t name;    // index into names_
  };
  // The bounds on one following command, flattened for the common check: one term per latest
  // cycle it looks at, with the largest distance of the rows they share. Only when a term is
  // not met are the rows walked to name each one broken.
  struct Term {
    std::int64_t distance;
    Level level;         // whose latest cycles: kBank ... kChannel, kOtherGroup, kOtherRank
    std::uint16_t slot;  // among them
  };
  // terms_[first, local): bank and bank-group terms; [local, direct): rank and channel ones;
  // [direct, other_group): other bank groups'; [other_group, end): other ranks'.
  struct Terms {
    std::uint16_t first, local, direct, other_group, end;
  };

  // The preceding commands of a window row, per scope instance (a ring of `size` cycles).
  struct Window {
    std::size_t slot, base;  // its oldest cycle: latest_[(base + instance) * stride_ + slot]
    Scope scope;
    CommandSet preceding;
    std::size_t size;
    std::vector<std::int64_t> cycles;  // instance * size + slot
    std::vector<std::size_t> next;
  };
  struct Rank {
    std::uint64_t refs = 0;          // all-bank REF
    std::uint64_t deadline_from = 0;  // the last reset's cycle
    Command last_partial = Command::REFpb;  // names a bank's missed deadline
  };
  // Per bank: refreshes since the last reset that count toward its deadline, at most
  // max_pulled_in ahead of the intervals passed (JESD79-4B: pulling in more reduces nothing).
  struct BankRefresh {
    std::uint64_t credited = 0;
    std::uint64_t deadline_reported = UINT64_MAX;  // credited count whose deadline was reported
  };
  // One bank a command lands on, with its bank group and rank.
  struct Place {
    std::uint32_t rank, group;  // group within the rank
    std::size_t bank;           // index of the bank in the channel
  };

  std::int64_t latest(const Bound& b, const Place& at) const;
  std::size_t window_instance(Scope s, const Place& at) const;
  std::size_t group_instance(const Place& at) const {
    return group_base_ + std::size_t(at.rank) * org_.bank_groups + at.group;
  }
  void check_bank_command(const DramCommand& c, const Place& at,
                          std::vector<Violation>& out) const;
  void check_rank_wide(const DramCommand& c, std::vector<Violation>& out);
  void group_classes(const StandardRules& rules);
  void compile_terms();
  void compile_terms(const std::vector<Bound>& rows, Terms& out);
  // The first cycle a command of term list `following` may come at this bank, by every row.
  std::int64_t earliest(std::size_t following, const Place& at) const;
  // A command's cycle as the latest of its class: at its bank (and group), then beyond.
  void record_local(std::size_t cls, const Place& at, bool first_in_group, std::int64_t now);
  void record_wide(std::size_t cls, const Place& at, std::int64_t now);
  void record_windows(const DramCommand& c, const Place& at, bool first_in_group,
                      bool first_in_rank);
  void apply_bank_command(const DramCommand& c, const Place& at);
  void apply_rank_wide(const DramCommand& c);
  bool touches(const DramCommand& c, std::uint32_t group, std::uint32_t bank) const;
  void credit_refresh(const Rank& r, BankRefresh& b, std::uint64_t cycle);
  std::uint64_t deadline(const Rank& r, const BankRefresh& b) const;
  void find_next_deadline();
  void close_after_auto_precharge(const Place& at);
  std::size_t bank_index(std::uint32_t rank, std::uint32_t bg, std::uint32_t bank) const {
    return (std::size_t(rank) * org_.bank_groups + bg) * org_.banks_per_group + bank;
  }

  const Organization org_;
  std::vector<std::string> names_;
  std::array<std::vector<Bound>, kCommands> by_following_;
  std::array<std::uint8_t, kCommands> class_of_{};  // the latest-cycle slot of each command
  // The term list of each following command: commands that every row names together share it.
  std::array<std::uint8_t, kCommands> following_of_{};
  std::vector<Term> terms_;
  std::array<Terms, kCommands> terms_of_{};  // per following_of_ slot
  std::vector<Window> windows_;
  CommandSet window_commands_ = 0;  // preceding commands of any window row
  std::int64_t refresh_interval_ = 0;
  int max_postponed_ = 0, max_pulled_in_ = 0;
  CommandSet commands_ = 0;  // the standard's commands: those its buses carry
  std::uint32_t pair_offset_ = 0;  // REFpb's pair, where the standard has one
  std::uint64_t next_deadline_ = 0;  // the earliest deadline not yet reported
  std::string deadline_name_;

  // latest_[(base + instance) * stride_ + class_of_[command]]: banks, then bank groups, ranks,
  // channel (with one rank, the rank's); after the classes, each window's oldest cycle.
  std::vector<std::int64_t> latest_;
  std::size_t stride_ = 0, group_base_ = 0, rank_base_ = 0, channel_base_ = 0;
  std::vector<ElsewhereLatest> other_group_;  // rank * kCommands + class
  std::vector<ElsewhereLatest> other_rank_;   // class
  std::vector<std::uint8_t> open_;
  std::vector<std::uint32_t> row_;
  std::vector<Rank> ranks_;
  std::vector<BankRefresh> bank_refresh_;  // per bank of the channel
  std::int64_t last_cycle_ = kNever;
  std::array<std::uint8_t, kCommands> bus_of_{};
  std::vector<std::int64_t> bus_last_;  // per bus: the cycle of its latest command
  std::vector<std::int64_t> bus_free_;  // per bus: the first cycle its latest command left free
  std::vector<std::string> bus_violation_, bus_early_;
  std::vector<std::array<std::uint8_t, kCommands>> bus_clocks_;
  std::vector<Place> touched_;  // the banks the last PREA or refresh touched (check, then apply)
  std::size_t touched_count_ = 0;
};

}  // namespace mckit::dram
