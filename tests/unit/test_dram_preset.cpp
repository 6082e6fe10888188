// Presets: the shipped ones load with their published key figures; every malformed file
// gets its own error naming the file, the key and the rule.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "common/input_error.h"
#include "dram/dram_preset.h"

namespace mckit::dram {
namespace {

const std::string kBad = std::string(MCKIT_TEST_DATA) + "/bad_presets/";

TEST(DramPreset, EveryShippedPresetLoads) {
  const auto names = shipped_preset_names();
  for (const char* wanted : {"ddr3-1600k", "ddr4-3200", "ddr5-4800", "lpddr5-6400", "hbm2", "hbm3"})
    EXPECT_NE(std::find(names.begin(), names.end(), wanted), names.end()) << wanted;
  for (const auto& name : names) EXPECT_NO_THROW(load_preset(name)) << name;
}

TEST(DramPreset, Ddr4_3200KeyFigures) {
  const DramPreset p = load_preset("DDR4-3200");  // names are case-insensitive
  EXPECT_EQ(p.standard, "DDR4");
  EXPECT_DOUBLE_EQ(p.timing.tCK_ps, 625.0);
  EXPECT_DOUBLE_EQ(p.data_rate_mtps(), 3200.0);
  EXPECT_DOUBLE_EQ(p.peak_bandwidth_gbps(), 25.6);
  EXPECT_EQ(p.capacity_bytes(), 8ull << 30);
  EXPECT_EQ(p.org.bytes_per_burst(), 64);
  EXPECT_EQ(p.timing.tFAW, 34);
  EXPECT_EQ(p.timing.tRCD, 22);
  EXPECT_EQ(p.timing.tCL, 22);
}

TEST(DramPreset, Hbm2KeyFigures) {
  const DramPreset p = load_preset("hbm2");
  EXPECT_DOUBLE_EQ(p.timing.tCK_ps, 1000.0);
  EXPECT_EQ(p.org.channel_width, 64);
  EXPECT_DOUBLE_EQ(p.peak_bandwidth_gbps(), 16.0);  // 64 bit x 2 Gbps
}

TEST(DramPreset, UserPresetByPath) {
  const DramPreset p = load_preset(std::string(MCKIT_TEST_DATA) + "/presets/custom-ddr4.json");
  EXPECT_EQ(p.name, "Custom-3200");
  EXPECT_EQ(p.timing.tRP, 22);
}

TEST(DramPreset, UnknownNameListsShipped) {
  try {
    load_preset("ddr9-9999");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("unknown preset 'ddr9-9999'"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("ddr4-3200"), std::string::npos) << e.what();
  }
}

// The shipped DDR4-3200 preset with its tRCD value (22) written as `value`.
std::string load_with_trcd(const std::string& value) {
  std::ifstream in(preset_dir() + "/ddr4-3200.json");
  std::stringstream text;
  text << in.rdbuf();
  std::string s = text.str();
  const std::size_t key = s.find("\"tRCD\"");
  const std::size_t at = s.find("\"value\": 22", key);
  s.replace(at, std::string("\"value\": 22").size(), "\"value\": " + value);
  const std::string path = ::testing::TempDir() + "/" +
                           ::testing::UnitTest::GetInstance()->current_test_info()->name() +
                           ".json";  // the test's own: ctest runs tests side by side
  std::ofstream(path) << s;
  return path;
}

TEST(DramPreset, IntegersAreWholeNumbersInRange) {
  EXPECT_EQ(load_preset(load_with_trcd("22.0")).timing.tRCD, 22);  // JSON's one number type
  EXPECT_EQ(load_preset(load_with_trcd("2.2e1")).timing.tRCD, 22);
  for (const auto& [text, shown] :
       {std::pair{"22.5", "22.5"}, {"1e20", "1e+20"}, {"-22", "-22"}, {"16777216", "16777216"},
        {"0", "0"}, {"\"22\"", "'22'"}, {"true", "true"}}) {
    SCOPED_TRACE(text);
    const std::string path = load_with_trcd(text);
    try {
      load_preset(path);
      ADD_FAILURE() << "loaded";
    } catch (const InputError& e) {
      EXPECT_EQ(std::string(e.what()), path + ": timing.tRCD.value: must be an integer from 1 to "
                                              "16777215 (got " + shown + ")");
    }
  }
}

TEST(DramPreset, ADuplicateKeyIsRefusedNotSilentlyReplaced) {
  // Boost.JSON would keep the last of the two: the preset would run with tRCD 30 and still
  // call itself DDR4-3200.
  const std::string path = load_with_trcd("22, \"value\": 30");
  try {
    load_preset(path);
    FAIL() << "loaded";
  } catch (const InputError& e) {
    const std::string what = e.what();
    EXPECT_EQ(what.rfind(path + ":", 0), 0u) << what;
    EXPECT_NE(what.find(": duplicate key 'timing.tRCD.value'"), std::string::npos) << what;
  }
}

TEST(DramPreset, MissingFile) {
  EXPECT_THROW(load_preset(kBad + "no_such_file.json"), InputError);
}

struct BadCase {
  const char* file;
  const char* message;  // what follows "<path>: "
};

class BadPreset : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadPreset, NamesFileKeyAndRule) {
  const BadCase& c = GetParam();
  const std::string path = kBad + c.file;
  try {
    load_preset(path);
    FAIL() << path << " loaded";
  } catch (const InputError& e) {
    const std::string what = e.what();
    EXPECT_EQ(what.rfind(path, 0), 0u) << what;  // starts with the file
    EXPECT_NE(what.find(c.message), std::string::npos) << what;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Files, BadPreset,
    ::testing::Values(
        BadCase{"missing_trcd.json", ": timing.tRCD: missing key"},
        BadCase{"zero_trp.json", ": timing.tRP.value: must be an integer from 1 to 16777215 (got 0)"},
        BadCase{"negative_tras.json", ": timing.tRAS.value: must be an integer from 1 to 16777215 (got -52)"},
        BadCase{"fractional_tcl.json", ": timing.tCL.value: must be an integer from 1 to 16777215 (got 13.75)"},
        BadCase{"string_trcd.json", ": timing.tRCD.value: must be an integer from 1 to 16777215 (got '22')"},
        BadCase{"trc_below_tras_plus_trp.json", ": timing.tRC: tRC must be >= tRAS + tRP (70 < 74)"},
        BadCase{"tfaw_below_4_trrd.json", ": timing.tFAW: tFAW must be >= 4 x tRRD_S (15 < 16)"},
        BadCase{"trefi_below_trfc.json", ": timing.tREFI: tREFI must be > tRFC"},
        BadCase{"tbl_not_burst.json",
                ": timing.tBL: tBL x beats_per_clock must equal burst_length (4 != 8)"},
        BadCase{"tccd_s_below_tbl.json", ": timing.tCCD_S: tCCD_S must be >= tBL"},
        BadCase{"two_ranks_without_trtrs.json",
                ": timing.tRTRS: a preset of more than one rank needs tRTRS"},
        BadCase{"long_timing_without_bank_groups.json",
                ": timing.tCCD_L: a preset without bank groups has no _L timings: its one value "
                "is the _S timing"},
        BadCase{"tppd_without_the_standard.json",
                ": timing.tPPD: DDR4 has no tPPD (DDR5, LPDDR5 and HBM3 do)"},
        BadCase{"unknown_standard.json", ": standard: unknown standard 'DDR9' (known: DDR3,"},
        BadCase{"unknown_timing_key.json", ": timing.tRCDD: unknown key"},
        BadCase{"missing_source.json", ": timing.tCL.source: missing key"},
        BadCase{"empty_source.json", ": timing.tCWL.source: must cite where the value comes from"},
        BadCase{"width_mismatch.json",
                ": organization.channel_width: must equal device_width x devices_per_rank (64)"},
        BadCase{"missing_power.json", ": power: missing key"},
        BadCase{"idd3n_below_idd2n.json",
                ": power.domains.VDD.IDD3N: active standby IDD3N must be >= IDD2N"},
        BadCase{"truncated.json", ":14: invalid JSON: syntax error"},
        // Values that fit an int but whose sums or products would not.
        // Integers far beyond any standard's are refused before any rule sums or multiplies
        // them, so that no rule overflows (each file once made one do so).
        BadCase{"trefi_over_limit.json",
                ": timing.tREFI.value: must be an integer from 1 to 16777215 (got 16777217)"},
        BadCase{"width_product_overflow.json",
                ": organization.device_width: must be an integer from 1 to 16777215 (got "
                "2147483647)"},
        BadCase{"banks_over_limit.json",
                ": organization.banks_per_group: bank_groups x banks_per_group must be at most "
                "16777215 banks"},
        BadCase{"capacity_over_2_62_bytes.json",
                ": organization.rows: the organization would hold more than 2^62 bytes"},
        BadCase{"tbl_times_beats_overflow.json",
                ": organization.beats_per_clock: must be an integer from 1 to 16777215 (got "
                "2147483647)"}),
    [](const auto& info) {
      std::string name = info.param.file;
      return name.substr(0, name.find('.'));
    });

}  // namespace
}  // namespace mckit::dram
