// Every address mapping is a bijection between the device's burst addresses and its
// (rank, bank group, bank, row, column) places, with and without the XOR hash: exhaustively
// on a tiny two-rank organization, on a million seeded samples and the edges on every
// shipped preset. The C++ mapping (ctrl::AddressMap, the reference controller's) is checked
// against an encoder written from the documentation: decoding then encoding gives the
// address back, and every field is in range. (test_addr_map_rtl.cpp checks that the RTL's
// mc_addr_map decodes the same samples alike.)
#include <gtest/gtest.h>

#include <cstdint>
#include <ostream>
#include <string>
#include <tuple>
#include <unordered_set>

#include "ctrl/controller_config.h"
#include "ctrl/controller_params.h"
#include "ctrl/mc_addr_map.h"
#include "dram/dram_preset.h"
#include "support/address_samples.h"

// How gtest prints a mapping (found by argument-dependent lookup): by name.
namespace mckit::ctrl {
inline void PrintTo(Mapping m, std::ostream* os) { *os << name_of(m); }
}  // namespace mckit::ctrl

namespace mckit {
namespace {

using ctrl::Mapping;

const std::string kTiny = std::string(MCKIT_TEST_DATA) + "/presets/tiny-2rank.json";

ctrl::ControllerParams params(const dram::DramPreset& p, Mapping m, bool xor_hash) {
  ctrl::ControllerConfig c;
  c.mapping = m;
  c.xor_bank_hash = xor_hash;
  return ctrl::derive_controller_params(p, c);
}

// The place a decode names, its fields checked against the organization.
test::BurstPlace place_of(const dram::Organization& o, const ctrl::DecodedAddress& d,
                          std::uint64_t burst) {
  const int bank_bits = test::bits_of(o.banks_per_group);
  test::BurstPlace p;
  p.rank = d.bank >> ctrl::AddressMap::kRankLsb;
  const std::uint32_t in_rank = d.bank & ((1u << ctrl::AddressMap::kRankLsb) - 1);
  p.bank_group = in_rank >> bank_bits;
  p.bank = in_rank & ((1u << bank_bits) - 1);
  p.row = d.row;
  p.column_burst = d.col / std::uint32_t(o.burst_length);
  EXPECT_LT(p.rank, std::uint32_t(o.ranks)) << "burst " << burst;
  EXPECT_LT(p.bank_group, std::uint32_t(o.bank_groups)) << "burst " << burst;
  EXPECT_LT(p.row, std::uint32_t(o.rows)) << "burst " << burst;
  EXPECT_EQ(d.col % std::uint32_t(o.burst_length), 0u) << "burst " << burst;
  EXPECT_LT(d.col, std::uint32_t(o.columns)) << "burst " << burst;
  return p;
}

using Param = std::tuple<Mapping, bool>;

std::string param_name(const ::testing::TestParamInfo<Param>& info) {
  std::string name = ctrl::name_of(std::get<0>(info.param)) +
                     (std::get<1>(info.param) ? "_xor" : "");
  for (char& c : name)
    if (c == '-') c = '_';
  return name;
}

class AddressMapBijection : public ::testing::TestWithParam<Param> {
 protected:
  const Mapping mapping = std::get<0>(GetParam());
  const bool xor_hash = std::get<1>(GetParam());
};

// All 2048 bursts of 2 ranks x 2 bank groups x 2 banks x 32 rows x 8 bursts: distinct places,
// as many as there are places, so every place is reached once.
TEST_P(AddressMapBijection, TinyOrganizationExhaustively) {
  const dram::DramPreset p = dram::load_preset(kTiny);
  const dram::Organization& o = p.org;
  const std::uint64_t bursts = p.capacity_bytes() / std::uint64_t(o.bytes_per_burst());
  const std::uint64_t places = std::uint64_t(o.ranks) * o.bank_groups * o.banks_per_group *
                               std::uint64_t(o.rows) * std::uint64_t(o.columns / o.burst_length);
  ASSERT_EQ(bursts, 2048u);
  ASSERT_EQ(places, bursts);
  const ctrl::AddressMap map(params(p, mapping, xor_hash));
  std::unordered_set<std::uint64_t> seen;
  for (std::uint64_t a = 0; a < bursts; ++a) {
    const test::BurstPlace q = place_of(o, map.decode(a), a);
    const std::uint64_t key = ((((std::uint64_t(q.rank) * 2 + q.bank_group) * 2 + q.bank) * 32 +
                                q.row) * 8) + q.column_burst;
    EXPECT_TRUE(seen.insert(key).second) << "burst " << a << " shares its place";
    ASSERT_EQ(test::encode(o, mapping, xor_hash, q), a) << "burst " << a;
  }
  EXPECT_EQ(seen.size(), places);
}

// A million seeded samples and the edges of every shipped preset: decoding then encoding
// gives each address back (so no two share a place), every field in range.
TEST_P(AddressMapBijection, EveryShippedPresetSampled) {
  for (const std::string& name : dram::shipped_preset_names()) {
    SCOPED_TRACE(name);
    const dram::DramPreset p = dram::load_preset(name);
    const std::uint64_t bursts = p.capacity_bytes() / std::uint64_t(p.org.bytes_per_burst());
    const ctrl::AddressMap map(params(p, mapping, xor_hash));
    std::uint64_t wrong = 0;
    for (std::uint64_t a : test::address_samples(bursts, 1'000'000, 91)) {
      if (test::encode(p.org, mapping, xor_hash, place_of(p.org, map.decode(a), a)) != a &&
          ++wrong <= 3)
        ADD_FAILURE() << "burst " << a << " does not encode back";
    }
    EXPECT_EQ(wrong, 0u);
  }
}

INSTANTIATE_TEST_SUITE_P(Mappings, AddressMapBijection,
                         ::testing::Combine(::testing::Values(Mapping::RoBaRaCoCh,
                                                              Mapping::RoRaBaCoCh,
                                                              Mapping::RoBaRaCoBgCh),
                                            ::testing::Bool()),
                         param_name);

// One decode by hand, DDR4-3200 (4 bank groups, 4 banks, 128 bursts a row), default mapping
// ro-ba-ra-co-bg-ch: bank group 2, column burst 5, bank 3, row 9.
TEST(AddressMap, Ddr4DefaultMappingByHand) {
  const dram::DramPreset p = dram::load_preset("ddr4-3200");
  const ctrl::AddressMap map(params(p, Mapping::RoBaRaCoBgCh, false));
  const std::uint64_t burst = 2 | (5 << 2) | (3 << 9) | (9 << 11);
  const ctrl::DecodedAddress d = map.decode(burst);
  EXPECT_EQ(d.bank, (2 << 2) | 3);
  EXPECT_EQ(d.row, 9u);
  EXPECT_EQ(d.col, 5u * 8);
  // With the hash, bank 3 ^ (row 9 & 3) = 2, bank group 2 ^ (9 >> 2 & 3) = 0.
  const ctrl::AddressMap hashed(params(p, Mapping::RoBaRaCoBgCh, true));
  EXPECT_EQ(hashed.decode(burst).bank, (0 << 2) | 2);
}

}  // namespace
}  // namespace mckit
