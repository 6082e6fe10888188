#include "ctrl/mc_addr_map.h"

namespace mckit::ctrl {

// The field positions of each mapping, least significant field first (the channel field is
// empty: one channel).
AddressMap::AddressMap(const ControllerParams& p)
    : xor_hash_(p.xor_hash != 0), bank_bits_(p.bank_bits), bl_log2_(p.bl_log2) {
  const int cb = p.col_bits, bb = p.bank_bits, gb = p.bg_bits, rb = p.rank_bits;
  switch (Mapping(p.mapping)) {
    case Mapping::RoRaBaCoCh:  // column | bank | bank group | rank | row
      col_sh_ = 0, bank_sh_ = cb, bg_sh_ = bank_sh_ + bb, rank_sh_ = bg_sh_ + gb;
      row_sh_ = rank_sh_ + rb;
      break;
    case Mapping::RoBaRaCoBgCh:  // bank group | column | rank | bank | row
      bg_sh_ = 0, col_sh_ = gb, rank_sh_ = col_sh_ + cb, bank_sh_ = rank_sh_ + rb;
      row_sh_ = bank_sh_ + bb;
      break;
    case Mapping::RoBaRaCoCh:  // column | rank | bank | bank group | row
      col_sh_ = 0, rank_sh_ = cb, bank_sh_ = rank_sh_ + rb, bg_sh_ = bank_sh_ + bb;
      row_sh_ = bg_sh_ + gb;
      break;
  }
  col_mask_ = (1ull << cb) - 1;
  bank_mask_ = (1ull << bb) - 1;
  bg_mask_ = (1ull << gb) - 1;
  rank_mask_ = (1ull << rb) - 1;
}

}  // namespace mckit::ctrl
