// Burst addresses to try an address mapping on, and an encoder written from the mapping's
// documentation (docs/controller.md, "Address mapping"): the inverse a bijective decode must
// have. Shared by the C++ mapping's test and the RTL block's.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

#include "ctrl/controller_config.h"
#include "dram/dram_preset.h"

namespace mckit::test {

// Every edge (the first and last burst, each power of two and its neighbours) and `count`
// more drawn at random (seeded) below `bursts`.
inline std::vector<std::uint64_t> address_samples(std::uint64_t bursts, std::size_t count,
                                                  std::uint64_t seed) {
  std::vector<std::uint64_t> out = {0, bursts - 1};
  for (std::uint64_t p = 1; p < bursts; p <<= 1)
    for (std::uint64_t a : {p - 1, p, p + 1})
      if (a < bursts) out.push_back(a);
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<std::uint64_t> any(0, bursts - 1);
  for (std::size_t k = 0; k < count; ++k) out.push_back(any(rng));
  return out;
}

// One burst's place in the device.
struct BurstPlace {
  std::uint32_t rank = 0, bank_group = 0, bank = 0, row = 0, column_burst = 0;
};

inline int bits_of(int value) {
  int b = 0;
  while ((1 << b) < value) ++b;
  return b;
}

// The burst address of a place: the fields from the most significant, as the mapping names
// them (ro-ba-ra-co-ch: row, bank group, bank, rank, column; ro-ra-ba-co-ch: row, rank, bank
// group, bank, column; ro-ba-ra-co-bg-ch: row, bank, rank, column, bank group); with the XOR
// hash the bank bits stored are the bank's XOR the row's lowest bits, the bank-group bits the
// bank group's XOR the row bits above those.
inline std::uint64_t encode(const dram::Organization& o, ctrl::Mapping m, bool xor_hash,
                            const BurstPlace& p) {
  const int rb = bits_of(o.ranks), gb = bits_of(o.bank_groups), bb = bits_of(o.banks_per_group);
  const int cb = bits_of(o.columns / o.burst_length);
  std::uint64_t bank = p.bank, bg = p.bank_group;
  if (xor_hash) {
    bank ^= p.row & ((1u << bb) - 1);
    bg ^= (p.row >> bb) & ((1u << gb) - 1);
  }
  struct Field {
    std::uint64_t value;
    int bits;
  };
  std::vector<Field> fields;  // most significant first
  switch (m) {
    case ctrl::Mapping::RoBaRaCoCh:
      fields = {{p.row, 0}, {bg, gb}, {bank, bb}, {p.rank, rb}, {p.column_burst, cb}};
      break;
    case ctrl::Mapping::RoRaBaCoCh:
      fields = {{p.row, 0}, {p.rank, rb}, {bg, gb}, {bank, bb}, {p.column_burst, cb}};
      break;
    case ctrl::Mapping::RoBaRaCoBgCh:
      fields = {{p.row, 0}, {bank, bb}, {p.rank, rb}, {p.column_burst, cb}, {bg, gb}};
      break;
  }
  std::uint64_t a = 0;
  for (const Field& f : fields) a = (a << f.bits) | f.value;
  return a;
}

}  // namespace mckit::test
