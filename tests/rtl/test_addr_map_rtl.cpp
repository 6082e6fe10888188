// The RTL's mc_addr_map, Verilated on its own, decodes every sample of test_addr_map.cpp (a
// million seeded bursts and the edges of every shipped preset, every burst of the tiny
// two-rank one) exactly as the C++ mapping does, under every mapping with and without the
// XOR hash; that one is shown to be a bijection there.
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "Vmc_addr_map.h"
#include "ctrl/controller_config.h"
#include "ctrl/controller_params.h"
#include "ctrl/mc_addr_map.h"
#include "dram/dram_preset.h"
#include "support/address_samples.h"
#include "verilated.h"

namespace mckit {
namespace {

// The block's inputs set from the run-time configuration, and one burst decoded.
class AddrMapRtl {
 public:
  explicit AddrMapRtl(const ctrl::ControllerParams& p)
      : context_(std::make_unique<VerilatedContext>()),
        top_(std::make_unique<Vmc_addr_map>(context_.get(), "map")) {
    Vmc_addr_map& t = *top_;
    t.mapping_i = p.mapping;
    t.xor_i = p.xor_hash;
    t.col_bits_i = p.col_bits;
    t.bl_log2_i = p.bl_log2;
    t.bank_bits_i = p.bank_bits;
    t.bg_bits_i = p.bg_bits;
    t.rank_bits_i = p.rank_bits;
  }
  ~AddrMapRtl() { top_->final(); }

  ctrl::DecodedAddress decode(std::uint64_t burst) {
    Vmc_addr_map& t = *top_;
    t.addr_i = burst;
    t.eval();
    return {std::uint8_t(t.bank_o), std::uint32_t(t.row_o), std::uint32_t(t.col_o)};
  }

 private:
  std::unique_ptr<VerilatedContext> context_;
  std::unique_ptr<Vmc_addr_map> top_;
};

TEST(AddrMapRtl, DecodesEverySampleAsTheCppMapping) {
  std::vector<std::string> presets = dram::shipped_preset_names();
  presets.push_back(std::string(MCKIT_TEST_DATA) + "/presets/tiny-2rank.json");
  for (const std::string& name : presets) {
    const dram::DramPreset p = dram::load_preset(name);
    const std::uint64_t bursts = p.capacity_bytes() / std::uint64_t(p.org.bytes_per_burst());
    // The tiny preset: every burst; the others: the samples of test_addr_map.cpp.
    std::vector<std::uint64_t> all;
    if (bursts <= 4096) {
      for (std::uint64_t a = 0; a < bursts; ++a) all.push_back(a);
    } else {
      all = test::address_samples(bursts, 1'000'000, 91);
    }
    for (ctrl::Mapping m : {ctrl::Mapping::RoBaRaCoCh, ctrl::Mapping::RoRaBaCoCh,
                            ctrl::Mapping::RoBaRaCoBgCh}) {
      for (bool xor_hash : {false, true}) {
        SCOPED_TRACE(p.name + ", " + ctrl::name_of(m) + (xor_hash ? ", XOR hash" : ""));
        ctrl::ControllerConfig c;
        c.mapping = m;
        c.xor_bank_hash = xor_hash;
        const ctrl::ControllerParams params = ctrl::derive_controller_params(p, c);
        const ctrl::AddressMap cpp(params);
        AddrMapRtl rtl(params);
        std::uint64_t differing = 0;
        for (std::uint64_t a : all) {
          const ctrl::DecodedAddress x = rtl.decode(a), y = cpp.decode(a);
          if ((x.bank != y.bank || x.row != y.row || x.col != y.col) && ++differing <= 3)
            ADD_FAILURE() << "burst " << a << ": rtl bank " << int(x.bank) << " row " << x.row
                          << " col " << x.col << ", C++ bank " << int(y.bank) << " row " << y.row
                          << " col " << y.col;
        }
        EXPECT_EQ(differing, 0u);
      }
    }
  }
}

}  // namespace
}  // namespace mckit
