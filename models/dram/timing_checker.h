// Checks every command against every timing constraint and legal bank state of a preset.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "dram/dram_command.h"
#include "dram/dram_preset.h"

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
  explicit TimingChecker(const DramPreset& preset);

  // Checks `c` (cycle >= the previous command's) and applies it to the bank state,
  // appending what it breaks to `out`. Throws std::invalid_argument on a field out of range
  // or a cycle before the previous command's.
  void execute(const DramCommand& c, std::vector<Violation>& out);

  // Reports ranks whose refresh is overdue at `cycle` (more than 8 REF postponed).
  void check_refresh_deadline(std::uint64_t cycle, std::vector<Violation>& out);

  // The device's reset and initialization, done by `cycle`: every bank closed, every timing
  // constraint met, the refresh deadline counted afresh from `cycle`.
  void reset(std::uint64_t cycle);

  bool bank_open(std::uint32_t rank, std::uint32_t bg, std::uint32_t bank) const;
  // Cycle at which an RDA/WRA closes its bank, or the PRE's cycle.
  std::int64_t precharge_cycle(std::uint32_t rank, std::uint32_t bg, std::uint32_t bank) const;
  std::uint64_t refreshes(std::uint32_t rank) const { return ranks_.at(rank).refs; }

  static constexpr int kMaxPostponedRefresh = 8;

 private:
  static constexpr std::int64_t kNever = INT64_MIN / 4;

  struct Bank {
    bool open = false;
    bool closed_by_prea = false;
    std::uint32_t row = 0;
    std::int64_t act = kNever, pre = kNever, rd = kNever, wr = kNever;
  };
  struct Group {
    std::int64_t act = kNever, rd = kNever, wr = kNever;
  };
  struct Rank {
    std::int64_t act = kNever, rd = kNever, wr = kNever, ref = kNever;
    std::uint32_t act_group = 0, rd_group = 0, wr_group = 0;
    std::array<std::int64_t, 4> faw{kNever, kNever, kNever, kNever};  // last four ACTs
    std::size_t faw_next = 0;
    std::uint64_t refs = 0;
    std::uint64_t deadline_reported = UINT64_MAX;  // refs count whose deadline was reported
    std::uint64_t deadline_from = 0, refs_before = 0;  // the last reset's cycle and refs count
  };

  Bank& bank(const DramCommand& c);
  void check_act(const DramCommand& c, std::vector<Violation>& out);
  void check_precharge(const DramCommand& c, const Bank& b, std::vector<Violation>& out);
  void check_column(const DramCommand& c, std::vector<Violation>& out);
  void check_ref(const DramCommand& c, std::vector<Violation>& out);
  void check_data_bus(const DramCommand& c, std::vector<Violation>& out);
  void apply(const DramCommand& c);
  std::int64_t ready_after_precharge(const Bank& b) const;

  const Timing t_;
  const Organization org_;
  std::vector<Bank> banks_;
  std::vector<Group> groups_;
  std::vector<Rank> ranks_;
  std::int64_t last_cycle_ = kNever;
  std::int64_t bus_free_ = kNever;  // first cycle after the last data burst
};

}  // namespace mckit::dram
