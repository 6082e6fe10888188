#include "ctrl/mc_refresh.h"

#include "ctrl/encodings.h"
#include "ctrl/prio_enc.h"

namespace mckit::ctrl {

namespace {

constexpr int kPerGroup = ControllerLimits::kBanksPerGroup;

}  // namespace

// Per-bank and same-bank refresh run with full bank groups only (derive_controller_params).
std::uint32_t Refresh::unit_banks(int u) const {
  switch (RefreshKind(p_.ref_kind)) {
    case RefreshKind::PerBank: return (1u << u) | (p_.ref_pair ? 1u << (u ^ p_.ref_pair) : 0u);
    case RefreshKind::SameBank: {
      std::uint32_t banks = 0;
      for (int g = 0; g < (1 << p_.bg_bits); ++g) banks |= 1u << (g * kPerGroup + u);
      return banks;
    }
    default: return ~0u;  // the whole rank
  }
}

Refresh::Choice Refresh::choose(int rank, std::uint64_t bank_used) const {
  // Units 1..32 (0 reads as 1).
  const std::uint32_t all = p_.ref_units >= 32 ? ~0u : p_.ref_units ? (1u << p_.ref_units) - 1 : 1u;
  const std::uint32_t left = left_[std::size_t(rank)];
  Choice c;
  c.candidates = left != 0 ? left : all;
  const auto used = std::uint32_t(bank_used >> (rank * bank_index::kBanksPerRank));
  std::uint32_t idle = 0;
  for (std::uint32_t k = c.candidates; k; k &= k - 1) {
    const int u = first_set(k);
    if ((unit_banks(u) & used) == 0) idle |= 1u << u;
  }
  c.idle = idle != 0;
  c.unit = first_set(c.idle ? idle : c.candidates);
  return c;
}

std::uint64_t Refresh::banks(std::uint64_t bank_used) const {
  std::uint64_t banks = 0;
  for (int r = 0; r < bank_index::kRanks; ++r)
    banks |= std::uint64_t(unit_banks(choose(r, bank_used).unit))
             << (r * bank_index::kBanksPerRank);
  return banks;
}

Refresh::PerRank Refresh::blocked(std::uint64_t ref_banks, std::uint64_t open) const {
  PerRank b{};
  const bool all_bank = p_.ref_kind == std::uint8_t(RefreshKind::AllBank);
  for (int r = 0; r < bank_index::kRanks; ++r) {
    const std::size_t ri = std::size_t(r);
    const bool forced = pending_[ri] >= p_.ref_postpone;
    const bool open_unit = (ref_banks & open & bank_index::rank_banks(r)) != 0;
    b[ri] = active_[ri] && (all_bank || (forced && !open_unit));
  }
  return b;
}

std::uint64_t Refresh::blocked_banks(std::uint64_t ref_banks) const {
  if (p_.ref_kind == std::uint8_t(RefreshKind::AllBank)) return 0;
  std::uint64_t banks = 0;
  for (int r = 0; r < bank_index::kRanks; ++r)
    if (active_[std::size_t(r)]) banks |= ref_banks & bank_index::rank_banks(r);
  return banks;
}

std::uint64_t Refresh::next_due(std::uint64_t now) const {
  if (p_.refresh_en && since_due_ < p_.trefi) return now + (p_.trefi - 1 - since_due_);
  return UINT64_MAX;
}

void Refresh::skip(std::uint64_t cycles) {
  if (p_.refresh_en) since_due_ = std::uint32_t((since_due_ + cycles) & kSinceDueMask);
}

}  // namespace mckit::ctrl
