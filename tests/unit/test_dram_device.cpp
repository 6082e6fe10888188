// DramDevice: written data comes back bit for bit, tCL + tBL cycles after the RD, across
// banks, bank groups and rows; masked writes touch only the masked bytes; never-written
// bursts read as zeros; every command is counted; a reset closes the banks, drops the reads
// in flight and keeps the cells. All commands are legally timed, so the device must record
// no violation.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "dram/dram_command.h"
#include "dram/dram_device.h"
#include "dram/dram_preset.h"

namespace mckit::dram {
namespace {

using Bytes = std::vector<std::uint8_t>;

struct Addr {
  std::uint32_t bg = 0, bank = 0, row = 0, column = 0;
};

std::string messages(const std::vector<Violation>& vs) {
  std::string text;
  for (const Violation& v : vs) text += "\n  " + v.message();
  return text.empty() ? " (none)" : text;
}

// Drives one device: each command `gap` cycles after the previous one; remembers every read
// with the data it must return, and how many of each command it issued.
class Driver {
 public:
  explicit Driver(const DramPreset& p) : dev(p) {}

  void issue(std::uint64_t gap, Command cmd, const Addr& a = {}, const Bytes* data = nullptr,
             const Bytes* mask = nullptr) {
    now += gap;
    DramCommand c;
    c.cycle = now;
    c.cmd = cmd;
    c.bank_group = a.bg;
    c.bank = a.bank;
    c.row = a.row;
    c.column = a.column;
    EXPECT_EQ(dev.issue(c, data ? data->data() : nullptr, mask ? mask->data() : nullptr), 0u)
        << describe(c) << messages(dev.violations());
    ++issued[cmd];
  }
  void read(std::uint64_t gap, Command cmd, const Addr& a, const Bytes& expected) {
    issue(gap, cmd, a);
    reads.push_back({now, a, expected});
  }

  // Each burst: nothing one cycle before RD + tCL + tBL, the burst with the expected data at it.
  void expect_reads() {
    const Timing& t = dev.preset().timing;
    for (const Expected& e : reads) {
      const std::uint64_t ready = e.cycle + std::uint64_t(t.tCL + t.tBL);
      ReadBurst burst;
      EXPECT_FALSE(dev.pop_read(ready - 1, burst)) << "read at " << e.cycle << " came early";
      ASSERT_TRUE(dev.pop_read(ready, burst)) << "read at " << e.cycle << " not ready at " << ready;
      EXPECT_EQ(burst.ready_cycle, ready);
      EXPECT_EQ(burst.command.cycle, e.cycle);
      EXPECT_EQ(burst.command.bank_group, e.addr.bg);
      EXPECT_EQ(burst.command.bank, e.addr.bank);
      EXPECT_EQ(burst.command.row, e.addr.row);
      EXPECT_EQ(burst.command.column, e.addr.column);
      EXPECT_EQ(burst.data, e.data)
          << "read at " << e.cycle << " bg" << e.addr.bg << " b" << e.addr.bank << " row "
          << e.addr.row << " col " << e.addr.column;
    }
    ReadBurst extra;
    EXPECT_FALSE(dev.pop_read(UINT64_MAX, extra)) << "a burst nobody asked for";
    EXPECT_TRUE(dev.violations().empty()) << messages(dev.violations());
  }

  DramDevice dev;
  std::uint64_t now = 0;
  std::map<Command, std::uint64_t> issued;

 private:
  struct Expected {
    std::uint64_t cycle;
    Addr addr;
    Bytes data;
  };
  std::vector<Expected> reads;
};

class DramDeviceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    p_ = load_preset(GetParam());
    const Timing& t = p_.timing;
    act_to_wr_ = t.tRCDWR > 0 ? t.tRCDWR : t.tRCD;
    // Longer than any single constraint between two commands (the longest, ACT after an
    // auto-precharge, is covered by two such gaps), so commands this far apart are legal.
    safe_ = std::uint64_t(t.tRCD + act_to_wr_ + t.tRAS + t.tRP + t.tRTP + t.tCL + t.tCWL + t.tBL +
                          t.tWR + std::max(t.tWTR_L, t.tWTR_S) + t.tFAW);
    // Same bank, same kind of column command: back to back (tCCD_L; DDR3, without bank
    // groups, has one tCCD, written as tCCD_S).
    rd_gap_ = std::uint64_t(std::max(t.tCCD_L, t.tCCD_S));
    wr_gap_ = std::uint64_t(t.tCCD_L_WR > 0 ? t.tCCD_L_WR : rd_gap_);
  }
  int burst_bytes() const { return p_.org.bytes_per_burst(); }
  std::uint32_t burst_column(int k) const { return std::uint32_t(k * p_.org.burst_length); }

  Bytes random_burst() {
    Bytes b(static_cast<std::size_t>(burst_bytes()));
    for (auto& x : b) x = std::uint8_t(rng_());
    return b;
  }

  DramPreset p_;
  int act_to_wr_ = 0;
  std::uint64_t safe_ = 0, rd_gap_ = 0, wr_gap_ = 0;
  std::mt19937 rng_{20240611};
};

// A row visit: ACT, column commands back to back, then PRE (or auto-precharge on the last).
struct Visit {
  Addr row;  // bg, bank, row
  std::vector<std::uint32_t> columns;
  bool auto_precharge = false;
};

Addr at_column(Addr a, std::uint32_t column) {
  a.column = column;
  return a;
}

TEST_P(DramDeviceTest, WrittenDataReadsBackBitForBitAndCommandsAreCounted) {
  const std::uint32_t rows = std::uint32_t(p_.org.rows);
  const std::uint32_t last_col = std::uint32_t(p_.org.columns - p_.org.burst_length);
  const std::uint32_t bg_last = std::uint32_t(p_.org.bank_groups - 1);
  const std::uint32_t bank_last = std::uint32_t(p_.org.banks_per_group - 1);
  const std::vector<Visit> visits = {
      {{0, 0, 0}, {0, burst_column(1), last_col}, false},
      {{1, 2, 3}, {0, burst_column(5)}, false},
      {{1, 2, 900}, {0, burst_column(5)}, false},  // same bank and columns, other row
      {{bg_last, bank_last, rows - 1}, {burst_column(1), burst_column(2)}, false},
      {{2, 1, 3}, {burst_column(3), burst_column(4)}, true},
      {{0, 1, 0}, {0, burst_column(1)}, false},  // same row and columns as the first, other bank
  };

  Driver d(p_);
  std::vector<Bytes> data;  // per visit and column, in order
  for (const Visit& v : visits) {
    d.issue(safe_, Command::ACT, v.row);
    for (std::size_t i = 0; i < v.columns.size(); ++i) {
      data.push_back(random_burst());
      const bool last = i + 1 == v.columns.size();
      d.issue(i == 0 ? safe_ : wr_gap_, last && v.auto_precharge ? Command::WRA : Command::WR,
              at_column(v.row, v.columns[i]), &data.back());
    }
    if (!v.auto_precharge) d.issue(safe_, Command::PRE, v.row);
  }
  ASSERT_EQ(std::set<Bytes>(data.begin(), data.end()).size(), data.size()) << "bursts not distinct";

  // Read back in reverse visit order; the last visit is closed by PREA, then a REF.
  std::size_t n = data.size();
  for (auto v = visits.rbegin(); v != visits.rend(); ++v) {
    d.issue(safe_, Command::ACT, v->row);
    n -= v->columns.size();
    for (std::size_t i = 0; i < v->columns.size(); ++i) {
      const bool last = i + 1 == v->columns.size();
      d.read(i == 0 ? safe_ : rd_gap_, last && v->auto_precharge ? Command::RDA : Command::RD,
             at_column(v->row, v->columns[i]), data[n + i]);
    }
    if (!v->auto_precharge && v + 1 != visits.rend()) d.issue(safe_, Command::PRE, v->row);
  }
  d.issue(safe_, Command::PREA);
  d.issue(safe_, Command::REF);
  d.dev.finish(d.now + safe_);
  d.expect_reads();

  // 6 visits written and read: 12 ACT; 13 bursts of which one WRA, and likewise read;
  // PRE closes the 5 visits without auto-precharge when writing, 4 when reading (PREA
  // closes the last one).
  const std::map<Command, std::uint64_t> want = {
      {Command::ACT, 12}, {Command::WR, 12}, {Command::WRA, 1},  {Command::RD, 12},
      {Command::RDA, 1},  {Command::PRE, 9}, {Command::PREA, 1}, {Command::REF, 1}};
  EXPECT_EQ(d.issued, want);
  for (const auto& [cmd, count] : want) EXPECT_EQ(d.dev.count(cmd), count) << command_name(cmd);
  EXPECT_EQ(d.dev.count(Command::NOP), 0u);
  EXPECT_EQ(d.dev.commands(), 49u);
}

TEST_P(DramDeviceTest, MaskedWriteChangesOnlyMaskedBytes) {
  const Addr row{1, 3, 17};
  const Addr full = at_column(row, 0), fresh = at_column(row, burst_column(1));
  const Bytes first = random_burst(), second = random_burst(), third = random_burst();
  Bytes mask(static_cast<std::size_t>(burst_bytes()));
  for (std::size_t i = 0; i < mask.size(); ++i)
    mask[i] = i % 3 == 1 ? 0xff : 0;  // bytes 1, 4, 7, ...

  // Over written data: masked bytes from `second`, the rest still `first`;
  // over never-written data: masked bytes from `third`, the rest zero.
  Bytes merged = first, masked_fresh(mask.size(), 0);
  for (std::size_t i = 0; i < mask.size(); ++i)
    if (mask[i]) {
      merged[i] = second[i];
      masked_fresh[i] = third[i];
    }
  ASSERT_NE(merged, first);
  ASSERT_NE(merged, second);

  Driver d(p_);
  d.issue(safe_, Command::ACT, row);
  d.issue(safe_, Command::WR, full, &first);
  d.issue(wr_gap_, Command::WR, full, &second, &mask);
  d.issue(wr_gap_, Command::WR, fresh, &third, &mask);
  d.read(safe_, Command::RD, full, merged);
  d.read(rd_gap_, Command::RD, fresh, masked_fresh);
  d.expect_reads();
}

TEST_P(DramDeviceTest, NeverWrittenBurstsReadAsZeros) {
  const Addr written{0, 2, 40};
  const Bytes data = random_burst();
  const Bytes zeros(std::size_t(burst_bytes()), 0);

  Driver d(p_);
  d.issue(safe_, Command::ACT, written);
  d.issue(safe_, Command::WR, written, &data);
  d.read(safe_, Command::RD, at_column(written, burst_column(1)), zeros);  // next burst in the row
  d.read(rd_gap_, Command::RD, written, data);
  d.issue(safe_, Command::PRE, written);
  // Same bank and column in another row, then the same address in another bank group.
  for (const Addr other : {Addr{0, 2, 41}, Addr{3, 2, 40}}) {
    d.issue(safe_, Command::ACT, other);
    d.read(safe_, Command::RD, other, zeros);
    d.issue(safe_, Command::PRE, other);
  }
  d.expect_reads();
}

// A reset (with initialization) mid-row: the open bank is closed, the read in flight is
// lost, every constraint is met at once (an ACT to the bank just written, one cycle later,
// is legal), the written data stay, and the refresh deadline counts from the reset.
TEST_P(DramDeviceTest, ResetClosesBanksDropsReadsAndKeepsTheCells) {
  const Timing& t = p_.timing;
  const Addr a{1, 2, 30};
  const Bytes data = random_burst();
  Driver d(p_);
  d.issue(safe_, Command::ACT, a);
  d.issue(safe_, Command::WR, a, &data);
  d.issue(safe_, Command::RD, at_column(a, burst_column(1)));  // its data never come
  const std::uint64_t reset_at = 5 * std::uint64_t(t.tREFI);  // no REF so far: 5 owed
  d.dev.reset(reset_at);
  EXPECT_TRUE(d.dev.violations().empty()) << messages(d.dev.violations());
  ReadBurst lost;
  EXPECT_FALSE(d.dev.pop_read(UINT64_MAX, lost));
  EXPECT_FALSE(d.dev.checker().bank_open(0, a.bg, a.bank));
  d.now = reset_at;
  d.issue(1, Command::ACT, a);  // neither "ACT to open bank" nor tRC, tRP, tWR
  d.read(safe_, Command::RD, a, data);
  d.issue(safe_, Command::PRE, a);
  d.expect_reads();
  // Eight tREFI after the reset are still in time (not so counted from cycle 0), nine not.
  d.dev.finish(reset_at + 9 * std::uint64_t(t.tREFI) - 1);
  EXPECT_TRUE(d.dev.violations().empty()) << messages(d.dev.violations());
  d.dev.finish(reset_at + 9 * std::uint64_t(t.tREFI));
  ASSERT_EQ(d.dev.violations().size(), 1u);
  EXPECT_EQ(d.dev.violations()[0].constraint, "tREFI: more than 8 refreshes postponed");
}

// The deadline before a reset is still checked at it.
TEST_P(DramDeviceTest, ResetReportsARefreshDeadlineAlreadyMissed) {
  DramDevice dev(p_);
  dev.reset(9 * std::uint64_t(p_.timing.tREFI) + 5);
  ASSERT_EQ(dev.violations().size(), 1u);
  EXPECT_TRUE(dev.violations()[0].late);
}

std::string preset_test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Presets, DramDeviceTest, ::testing::Values("ddr4-3200", "hbm2"),
                         preset_test_name);

}  // namespace
}  // namespace mckit::dram
