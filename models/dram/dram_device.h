// The DRAM device: executes commands one tCK at a time, checks each against the preset's
// constraints, keeps the data, returns read bursts RL + tBL cycles after the RD, and
// accounts energy.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <vector>

#include "dram/data_store.h"
#include "dram/dram_command.h"
#include "dram/dram_preset.h"
#include "dram/energy_model.h"
#include "dram/timing_checker.h"

namespace mckit::dram {

struct ReadBurst {
  DramCommand command;         // the RD/RDA that asked for it
  std::uint64_t ready_cycle;   // RD cycle + tCL + tBL: the last beat is on the bus
  std::vector<std::uint8_t> data;
};

class DramDevice {
 public:
  explicit DramDevice(const DramPreset& preset);

  // Executes one command (cycles non-decreasing). Write commands take `data` (burst_bytes)
  // and an optional byte `mask`. Returns the number of violations it added.
  std::size_t issue(const DramCommand& c, const std::uint8_t* data = nullptr,
                    const std::uint8_t* mask = nullptr);

  // Pops the oldest read burst whose last beat is on the bus by `cycle`.
  bool pop_read(std::uint64_t cycle, ReadBurst& out);
  // When the oldest pending read burst is complete; UINT64_MAX when none is pending.
  std::uint64_t next_read_cycle() const {
    return reads_.empty() ? UINT64_MAX : reads_.front().ready_cycle;
  }

  // Ends the run at `cycle`: background energy and the refresh deadline up to there.
  void finish(std::uint64_t cycle);

  // Reset and initialization, between cycle - 1 and `cycle` (the first command after it may
  // come in `cycle`): the refresh deadline is checked up to `cycle`, then every bank is
  // closed, every timing constraint met, the refresh deadline counted afresh, and read data
  // still on their way are lost. The cells keep their data; the counts and energy go on.
  void reset(std::uint64_t cycle);

  const DramPreset& preset() const { return preset_; }
  const std::vector<Violation>& violations() const { return violations_; }
  const EnergyReport& energy() const { return energy_.report(); }
  const TimingChecker& checker() const { return checker_; }
  const DataStore& store() const { return store_; }
  std::uint64_t count(Command c) const { return counts_[std::size_t(c)]; }
  std::uint64_t commands() const;  // all but NOP
  int burst_bytes() const { return store_.burst_bytes(); }

 private:
  const DramPreset preset_;
  TimingChecker checker_;
  DataStore store_;
  EnergyModel energy_;
  std::vector<Violation> violations_;
  std::deque<ReadBurst> reads_;
  // Buffers of bursts read out, for the next reads: no allocation per read. At most as many as
  // reads were ever in flight at once.
  std::vector<std::vector<std::uint8_t>> spare_;
  std::array<std::uint64_t, kCommandCount> counts_{};
};

}  // namespace mckit::dram
