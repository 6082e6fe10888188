#include "dram/dram_device.h"

#include <numeric>
#include <stdexcept>

namespace mckit::dram {

DramDevice::DramDevice(const DramPreset& preset)
    : preset_(preset), checker_(preset_), store_(preset_.org), energy_(preset_) {}

std::size_t DramDevice::issue(const DramCommand& c, const std::uint8_t* data,
                              const std::uint8_t* mask) {
  if (is_write(c.cmd) && !data) throw std::invalid_argument("a write command needs its data");
  const std::size_t before = violations_.size();
  // Which banks are open before the command decides what it costs.
  const std::uint32_t groups = std::uint32_t(preset_.org.bank_groups);
  const std::uint32_t banks = std::uint32_t(preset_.org.banks_per_group);
  int open_before = 0;
  if (c.cmd == Command::PREA) {
    for (std::uint32_t g = 0; g < groups; ++g)
      for (std::uint32_t b = 0; b < banks; ++b) open_before += checker_.bank_open(c.rank, g, b);
  } else if (c.cmd == Command::PRE && c.bank_group < groups && c.bank < banks) {
    // (A bank out of range is the checker's to report, below.)
    open_before = checker_.bank_open(c.rank, c.bank_group, c.bank);
  }
  const bool column_on_open_bank =
      is_column(c.cmd) && checker_.bank_open(c.rank, c.bank_group, c.bank);
  const bool act_on_closed_bank =
      c.cmd == Command::ACT && !checker_.bank_open(c.rank, c.bank_group, c.bank);

  checker_.execute(c, violations_);
  ++counts_[std::size_t(c.cmd)];

  switch (c.cmd) {
    case Command::ACT:
      if (act_on_closed_bank) energy_.activate(c.rank, c.cycle);
      break;
    case Command::PRE:
    case Command::PREA:
      energy_.precharge(c.rank, c.cycle, open_before);
      break;
    case Command::REF:
      energy_.refresh(c.rank, c.cycle);
      break;
    case Command::REFpb:
    case Command::REFsb:
      energy_.partial_refresh(c.cmd, c.rank, c.cycle, checker_.banks_touched());
      break;
    case Command::NOP:
      break;
    default:
      energy_.column(c.cmd, c.rank, c.cycle);
      if (has_auto_precharge(c.cmd) && column_on_open_bank)
        energy_.auto_precharge(c.rank, std::uint64_t(checker_.precharge_cycle(
                                           c.rank, c.bank_group, c.bank)));
      if (is_write(c.cmd)) {
        store_.write(c, data, mask);
      } else {
        ReadBurst burst{c, c.cycle + std::uint64_t(preset_.timing.tCL + preset_.timing.tBL), {}};
        if (!spare_.empty()) {
          burst.data = std::move(spare_.back());
          spare_.pop_back();
        }
        burst.data.resize(std::size_t(store_.burst_bytes()));
        store_.read(c, burst.data.data());
        reads_.push_back(std::move(burst));
      }
      break;
  }
  return violations_.size() - before;
}

bool DramDevice::pop_read(std::uint64_t cycle, ReadBurst& out) {
  if (reads_.empty() || reads_.front().ready_cycle > cycle) return false;
  // The caller's previous buffer takes the burst's place, to be filled by a later read.
  std::swap(out, reads_.front());
  spare_.push_back(std::move(reads_.front().data));
  reads_.pop_front();
  return true;
}

void DramDevice::finish(std::uint64_t cycle) {
  checker_.check_refresh_deadline(cycle, violations_);
  energy_.finish(cycle);
}

void DramDevice::reset(std::uint64_t cycle) {
  checker_.check_refresh_deadline(cycle, violations_);
  checker_.reset(cycle);
  energy_.reset(cycle);
  reads_.clear();
}

std::uint64_t DramDevice::commands() const {
  return std::accumulate(counts_.begin(), counts_.end(), std::uint64_t(0)) -
         counts_[std::size_t(Command::NOP)];
}

}  // namespace mckit::dram
