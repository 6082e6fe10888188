// The blocks of the C++ reference controller on their own, each against its RTL twin's
// documented behaviour: the bank index fields, the priority encoder, the LRU order, the bank
// machines' timing (tPPD among it) and the refresh's count.
#include <gtest/gtest.h>

#include "ctrl/bank_index.h"
#include "ctrl/cycle_clock.h"
#include "ctrl/mc_refresh.h"
#include "ctrl/mc_timing.h"
#include "ctrl/pf_lru.h"
#include "ctrl/prio_enc.h"

namespace mckit::ctrl {
namespace {

using dram::Command;

TEST(BankIndex, FieldsFollowTheLimits) {
  // 2 ranks of 32 banks, 4 banks a group: {rank:1, group:3, bank:2}.
  EXPECT_EQ(bank_index::kBanks, 64);
  EXPECT_EQ(bank_index::kGroups, 16);
  EXPECT_EQ(bank_index::rank_of(37), 1);   // 0b1'001'01
  EXPECT_EQ(bank_index::group_of(37), 9);  // rank 1, group 1
  EXPECT_EQ(bank_index::in_rank(37), 5u);
  EXPECT_EQ(bank_index::first_bank(1), 32);
  EXPECT_EQ(bank_index::rank_banks(0), 0x00000000FFFFFFFFull);
  EXPECT_EQ(bank_index::rank_banks(1), 0xFFFFFFFF00000000ull);
}

TEST(PrioEnc, LowestSetBitWins) {
  EXPECT_EQ(first_set(0b1000), 3);
  EXPECT_EQ(first_set(0b1010'0000), 5);
  EXPECT_EQ(first_set(1ull << 63), 63);
}

TEST(LruOrder, VictimIsTheLeastRecentlyUsed) {
  LruOrder lru(4);
  EXPECT_EQ(lru.victim(), 3u);  // never used: entry i has age i
  lru.touch(3);                 // ages 1 2 3 0
  EXPECT_EQ(lru.victim(), 2u);
  lru.touch(0);                 // ages 0 2 3 1: the younger 3 ages, 1 and 2 stay
  EXPECT_EQ(lru.victim(), 2u);
  EXPECT_EQ(lru.age(3), 1u);
  lru.touch(2);                 // ages 1 3 0 2
  EXPECT_EQ(lru.victim(), 1u);
  EXPECT_EQ(lru.age(0), 1u);
  EXPECT_EQ(lru.age(3), 2u);
}

ControllerParams timing_params() {
  ControllerParams p;
  p.trcd = 5, p.trcdwr = 6, p.trc = 20, p.tras = 12, p.trp = 4;
  p.trrd_s = 2, p.trrd_l = 3, p.tfaw = 16;
  return p;
}

// Whether `bank` allows `kind` of command at cycle `now`, and the cycle the clock learns that
// the answer changes (UINT64_MAX: it does not).
struct Answer {
  bool ok;
  std::uint64_t wake;
};
Answer ask(const BankTiming& t, std::uint64_t now, std::uint64_t BankStatus::*kind, int bank) {
  CycleClock clock;
  clock.skip_to(now);
  clock.begin_cycle();
  BankStatus asked;
  asked.*kind = 1ull << bank;
  const BankStatus ok = t.status(clock, asked, false);
  return {(ok.*kind >> bank & 1) != 0, clock.wake()};
}

TEST(BankTiming, ActivateOpensTheRowAndDelaysTheNextCommands) {
  BankTiming t(timing_params());
  t.update(10, Command::ACT, 3, 7, 0);
  EXPECT_TRUE(t.is_open(3));
  EXPECT_EQ(t.open_row(3), 7u);
  EXPECT_TRUE(t.rank_open(0));
  EXPECT_FALSE(t.rank_open(1));
  // RD from tRCD on; the clock wakes at the cycle it becomes allowed.
  EXPECT_FALSE(ask(t, 14, &BankStatus::col, 3).ok);
  EXPECT_EQ(ask(t, 14, &BankStatus::col, 3).wake, 15u);
  EXPECT_TRUE(ask(t, 15, &BankStatus::col, 3).ok);
  // PRE from tRAS on.
  EXPECT_FALSE(ask(t, 21, &BankStatus::pre, 3).ok);
  EXPECT_TRUE(ask(t, 22, &BankStatus::pre, 3).ok);
  // Another ACT: tRRD_L in the same bank group (banks 0-3), tRRD_S in another, none in
  // the other rank.
  EXPECT_FALSE(ask(t, 12, &BankStatus::act, 2).ok);
  EXPECT_TRUE(ask(t, 13, &BankStatus::act, 2).ok);
  EXPECT_FALSE(ask(t, 11, &BankStatus::act, 4).ok);
  EXPECT_TRUE(ask(t, 12, &BankStatus::act, 4).ok);
  EXPECT_TRUE(ask(t, 10, &BankStatus::act, 32).ok);
  EXPECT_EQ(ask(t, 10, &BankStatus::act, 32).wake, UINT64_MAX);
}

TEST(BankTiming, FourActivatesFillTheFawWindow) {
  BankTiming t(timing_params());
  for (int k = 0; k < 4; ++k) t.update(std::uint64_t(10 + 4 * k), Command::ACT, 4 * k, 1, 0);
  // The fifth ACT of the rank waits for tFAW after the first (10 + 16), not only tRRD.
  EXPECT_FALSE(ask(t, 25, &BankStatus::act, 16).ok);
  EXPECT_EQ(ask(t, 25, &BankStatus::act, 16).wake, 26u);
  EXPECT_TRUE(ask(t, 26, &BankStatus::act, 16).ok);
}

TEST(BankTiming, APrechargeHoldsTheRanksNextPrechargeForTPpd) {
  ControllerParams p = timing_params();
  p.tppd = 3;
  BankTiming t(p);
  for (const int bank : {0, 5, 33}) t.update(std::uint64_t(10 + bank), Command::ACT, bank, 1, 0);
  t.update(60, Command::PRE, 0, 0, 0);
  // Bank 5, same rank: PRE from 60 + tPPD on; bank 33 of the other rank at once.
  EXPECT_FALSE(ask(t, 62, &BankStatus::pre, 5).ok);
  EXPECT_EQ(ask(t, 62, &BankStatus::pre, 5).wake, 63u);
  EXPECT_TRUE(ask(t, 63, &BankStatus::pre, 5).ok);
  EXPECT_TRUE(ask(t, 61, &BankStatus::pre, 33).ok);
  // PREA waits as long (prea_ok_o is every open bank's pre_ok_o), and then holds a PRE.
  CycleClock clock;
  clock.skip_to(62);
  clock.begin_cycle();
  EXPECT_FALSE(t.refresh_ok(clock, 0));
  t.update(63, Command::PREA, 5, 0, 0);
  EXPECT_FALSE(ask(t, 65, &BankStatus::pre, 5).ok);
  EXPECT_TRUE(ask(t, 66, &BankStatus::pre, 5).ok);
}

// A REFpb of banks 0 and 8 at cycle 100 (tRFCpb 30, tpbR2pbR 9, tpbR2act 3).
TEST(BankTiming, PerBankRefreshHoldsItsBanksAndSpacesTheRank) {
  ControllerParams p = timing_params();
  p.trfcpb = 30, p.tpbr2pbr = 9, p.tpbr2act = 3;
  BankTiming t(p);
  const std::uint64_t pair = (1ull << 0) | (1ull << 8);
  t.update(100, Command::REFpb, 0, 0, pair);
  EXPECT_FALSE(ask(t, 129, &BankStatus::act, 8).ok);  // tRFCpb on both banks of the pair
  EXPECT_TRUE(ask(t, 130, &BankStatus::act, 8).ok);
  EXPECT_FALSE(ask(t, 102, &BankStatus::act, 1).ok);  // tpbR2act on the rank's others
  EXPECT_TRUE(ask(t, 103, &BankStatus::act, 1).ok);
  EXPECT_TRUE(ask(t, 100, &BankStatus::act, 32).ok);  // the other rank is free
  const auto unit_ok = [&](std::uint64_t now, std::uint64_t banks) {
    CycleClock clock;
    clock.skip_to(now);
    clock.begin_cycle();
    return t.unit_refresh_ok(clock, 0, banks);
  };
  const std::uint64_t next = (1ull << 1) | (1ull << 9);
  EXPECT_FALSE(unit_ok(108, next));  // tpbR2pbR
  EXPECT_TRUE(unit_ok(109, next));
  EXPECT_FALSE(unit_ok(129, pair));  // the same pair again: tRFCpb
  EXPECT_TRUE(unit_ok(130, pair));
  t.update(131, Command::ACT, 1, 5, 0);  // an open bank of the unit: its PRE, from tRAS on
  EXPECT_FALSE(unit_ok(142, next));
  EXPECT_TRUE(unit_ok(143, next));
}

TEST(Refresh, DueEveryTrefiForcedAtThePostponeLimit) {
  ControllerParams p;
  p.refresh_en = 1, p.trefi = 4, p.ref_postpone = 2, p.rank_bits = 0;
  Refresh r(p);
  const std::uint64_t busy = 1;  // a queued request to bank 0 of rank 0
  for (int k = 0; k < 3; ++k) EXPECT_FALSE(r.clock(false, 0, busy));
  EXPECT_TRUE(r.clock(false, 0, busy));  // the fourth edge: one owed, waiting for idle
  EXPECT_EQ(r.pending()[0], 1);
  EXPECT_FALSE(r.active()[0]);
  EXPECT_EQ(r.pending()[1], 0);  // no second rank
  for (int k = 0; k < 4; ++k) r.clock(false, 0, busy);
  EXPECT_EQ(r.pending()[0], 2);  // two owed: refreshed although busy
  EXPECT_TRUE(r.active()[0]);
  EXPECT_TRUE(r.clock(true, 0, busy));  // a REF pays one back and ends the refresh
  EXPECT_EQ(r.pending()[0], 1);
  EXPECT_FALSE(r.active()[0]);
  EXPECT_TRUE(r.clock(false, 0, 0));  // idle: caught up at once
  EXPECT_TRUE(r.active()[0]);
}

// Per-bank refresh of an LPDDR5-like rank: 16 banks in 4 groups, 8 units (bank pairs i and
// i + 8), a REFpb due every 4 cycles, 16 may be owed.
ControllerParams per_bank_params() {
  ControllerParams p;
  p.refresh_en = 1, p.trefi = 4, p.ref_postpone = 16, p.rank_bits = 0;
  p.bg_bits = 2, p.bank_bits = 2;
  p.ref_kind = std::uint8_t(RefreshKind::PerBank), p.ref_units = 8, p.ref_pair = 8;
  return p;
}
constexpr std::uint64_t pair_of(int u) { return (1ull << u) | (1ull << (u + 8)); }
// The banks of rank 0's next refresh (rank 1, absent here, has its own).
std::uint64_t rank0(const Refresh& r, std::uint64_t bank_used) {
  return r.banks(bank_used) & bank_index::rank_banks(0);
}

TEST(Refresh, PerBankPicksTheFirstIdleUnitLeftInTheRound) {
  Refresh r(per_bank_params());
  EXPECT_EQ(rank0(r, 0), pair_of(0));
  EXPECT_EQ(rank0(r, 1ull << 8), pair_of(1));  // a request for bank 8 keeps pair 0 busy
  EXPECT_EQ(rank0(r, pair_of(0) | pair_of(1) | (1ull << 2)), pair_of(3));
  // No idle unit: the first one left.
  EXPECT_EQ(rank0(r, 0xFFFF), pair_of(0));
  for (int k = 0; k < 4; ++k) r.clock(false, 0, 0xFFFF);
  EXPECT_EQ(r.pending()[0], 1);
  EXPECT_FALSE(r.active()[0]);  // no idle unit, not forced: it waits
  EXPECT_EQ(r.blocked_banks(pair_of(0)), 0u);
  r.clock(false, 0, 1ull << 0);  // pair 1 idle now: the refresh goes for it
  EXPECT_TRUE(r.active()[0]);
  EXPECT_EQ(rank0(r, 1ull << 0), pair_of(1));
  // Only the unit's banks wait; its banks closed and not forced, the rank does not.
  EXPECT_EQ(r.blocked_banks(pair_of(1)), pair_of(1));
  EXPECT_FALSE(r.blocked(pair_of(1), 0)[0]);
  r.clock(true, 0, 1ull << 0);  // its REFpb: pair 1 is done for this round
  EXPECT_FALSE(r.active()[0]);
  EXPECT_EQ(rank0(r, 0), pair_of(0));
  EXPECT_EQ(rank0(r, 1ull << 0), pair_of(2));  // not pair 1 again
}

TEST(Refresh, PerBankForcedBlocksTheRankOnceItsUnitIsClosed) {
  Refresh r(per_bank_params());
  for (int k = 0; k < 64; ++k) r.clock(false, 0, 0xFFFF);  // 16 owed, every unit busy
  EXPECT_EQ(r.pending()[0], 16);
  EXPECT_TRUE(r.active()[0]);
  EXPECT_FALSE(r.blocked(pair_of(0), 1ull << 8)[0]);  // bank 8 open: its PRE comes first
  EXPECT_TRUE(r.blocked(pair_of(0), 1ull << 3)[0]);   // closed: the rank waits for the REFpb
}

TEST(Refresh, SameBankUnitsAreABankIndexInEveryGroup) {
  ControllerParams p;
  p.refresh_en = 1, p.trefi = 4, p.ref_postpone = 8, p.rank_bits = 0;
  p.bg_bits = 3, p.bank_bits = 2;
  p.ref_kind = std::uint8_t(RefreshKind::SameBank), p.ref_units = 4;
  Refresh r(p);
  std::uint64_t index2 = 0;
  for (int g = 0; g < 8; ++g) index2 |= 1ull << (g * 4 + 2);
  EXPECT_EQ(rank0(r, (1ull << 0) | (1ull << 29)), index2);  // indices 0 and 1 have requests
}

}  // namespace
}  // namespace mckit::ctrl
