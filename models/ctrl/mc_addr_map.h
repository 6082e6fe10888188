// The controller's address mapping, rtl/mc_addr_map.sv in C++: a burst address split into
// rank, bank group, bank, row and column under the run-time mapping and field widths. The
// shifts and masks are worked out once, so a decode is a few shifts and ANDs.
#pragma once

#include <cstdint>

#include "ctrl/bank_index.h"
#include "ctrl/controller_params.h"

namespace mckit::ctrl {

// mc_addr_map's outputs.
struct DecodedAddress {
  std::uint8_t bank = 0;  // {rank, bank group << bank_bits | bank} (ctrl/bank_index.h)
  std::uint32_t row = 0;
  std::uint32_t col = 0;  // the device column of the burst's first beat
};

class AddressMap {
 public:
  static constexpr int kRankLsb = bank_index::kRankLsb;  // bank index bit of the rank

  explicit AddressMap(const ControllerParams& p);

  DecodedAddress decode(std::uint64_t burst) const {
    const std::uint64_t addr = burst & kAddrMask;
    const std::uint64_t col = (addr >> col_sh_) & col_mask_;
    std::uint64_t bank = (addr >> bank_sh_) & bank_mask_;
    std::uint64_t bg = (addr >> bg_sh_) & bg_mask_;
    const std::uint64_t rank = (addr >> rank_sh_) & rank_mask_;
    const std::uint64_t row = addr >> row_sh_;
    if (xor_hash_) {
      bank ^= row & bank_mask_;
      bg ^= (row >> bank_bits_) & bg_mask_;
    }
    DecodedAddress d;
    d.bank = std::uint8_t(((rank & (bank_index::kRanks - 1)) << kRankLsb) |
                          bank_index::in_rank(int((bg << bank_bits_) | bank)));
    d.row = std::uint32_t(row) & kRowMask;
    d.col = std::uint32_t(col << bl_log2_) & kColMask;
    return d;
  }

 private:
  static constexpr std::uint64_t kAddrMask = (1ull << ControllerLimits::kAddrBits) - 1;
  static constexpr std::uint32_t kRowMask = (1u << ControllerLimits::kRowBits) - 1;
  static constexpr std::uint32_t kColMask = (1u << ControllerLimits::kColBits) - 1;

  bool xor_hash_ = false;
  int bank_bits_ = 0, bl_log2_ = 0;
  int col_sh_ = 0, bank_sh_ = 0, bg_sh_ = 0, rank_sh_ = 0, row_sh_ = 0;
  std::uint64_t col_mask_ = 0, bank_mask_ = 0, bg_mask_ = 0, rank_mask_ = 0;
};

}  // namespace mckit::ctrl
