// A bank's index across the controller (mc_pkg's BankIdxW bits): {rank, bank group, bank},
// the bank in its group in the low bits, with the field widths of the largest device the
// build serves (ControllerLimits). Sets of banks are 64-bit masks, bit b for bank b.
#pragma once

#include <cstdint>

#include "ctrl/controller_params.h"

namespace mckit::ctrl::bank_index {

constexpr int log2_exact(int n) { return n <= 1 ? 0 : 1 + log2_exact(n / 2); }

constexpr int kRanks = ControllerLimits::kRanks;
constexpr int kBanksPerRank = ControllerLimits::kBanksPerRank;
constexpr int kBanks = kRanks * kBanksPerRank;
constexpr int kGroups = kBanks / ControllerLimits::kBanksPerGroup;  // of all ranks
constexpr int kGroupLsb = log2_exact(ControllerLimits::kBanksPerGroup);
constexpr int kRankLsb = log2_exact(kBanksPerRank);
static_assert(kBanks <= 64, "bank sets are 64-bit masks");
static_assert((1 << kGroupLsb) == ControllerLimits::kBanksPerGroup &&
                  (1 << kRankLsb) == kBanksPerRank && (kRanks & (kRanks - 1)) == 0,
              "bank index fields are powers of two");

constexpr int rank_of(int bank) { return bank >> kRankLsb; }
constexpr int group_of(int bank) { return bank >> kGroupLsb; }  // {rank, bank group}
constexpr std::uint32_t in_rank(int bank) { return std::uint32_t(bank) & (kBanksPerRank - 1); }
constexpr int first_bank(int rank) { return rank << kRankLsb; }
// The banks of a rank.
constexpr std::uint64_t rank_banks(int rank) {
  return (~0ull >> (64 - kBanksPerRank)) << (rank * kBanksPerRank);
}

}  // namespace mckit::ctrl::bank_index
