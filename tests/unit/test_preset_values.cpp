// Every timing, organization and power value of every shipped preset, written out here from the
// sources its JSON cites (the arithmetic in the comments), so that a changed value, a new
// timing key or a new preset fails until someone checks it against its source.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/json_object_reader.h"
#include "dram/dram_preset.h"

namespace mckit::dram {
namespace {

struct Pinned {
  Organization org;
  double tCK_ps;
  std::map<std::string, int> timing;  // every integer timing key the file gives
};

// Every integer timing name a preset may give; those a preset leaves out read 0.
const std::vector<std::string> kTimingNames = {
    "tRCD",   "tRP",    "tRAS",   "tRC",    "tCL",       "tCWL",  "tBL",    "tRTP",
    "tWR",    "tWTR_S", "tWTR_L", "tCCD_S", "tCCD_L",    "tRRD_S", "tRRD_L", "tFAW",
    "tRFC",   "tREFI",  "tRTRS",  "tRCDWR", "tRPab",     "tCCD_L_WR", "tWPRE", "tRFCsb",
    "tREFIsb", "tRFCpb", "tREFIpb", "tRREFD", "tPPD", "tPBR2PBR", "tPBR2ACT", "tREFSBRD"};

Organization org(int ranks, int bank_groups, int banks_per_group, int rows, int columns,
                 int device_width, int devices_per_rank, int channel_width, int burst_length,
                 int beats_per_clock) {
  return {ranks,        bank_groups,      banks_per_group, rows,         columns,
          device_width, devices_per_rank, channel_width,   burst_length, beats_per_clock};
}

const std::map<std::string, Pinned>& pinned() {
  static const std::map<std::string, Pinned> presets = {
      // JESD79-3F DDR3-1600K (11-11-11), 4 Gb x8: 8 banks, 64K rows, 1K columns, BL8.
      {"ddr3-1600k",
       {org(2, 1, 8, 65536, 1024, 8, 8, 64, 8, 2), 1250,
        {{"tRCD", 11},     // 13.75 / 1.25
         {"tRP", 11},      // 13.75 / 1.25
         {"tRAS", 28},     // 35 / 1.25
         {"tRC", 39},      // 48.75 / 1.25
         {"tCL", 11},
         {"tCWL", 8},      // CWL for 1.25 <= tCK < 1.5 ns
         {"tBL", 4},       // BL8 / 2
         {"tRTP", 6},      // max(4 nCK, 7.5 ns)
         {"tWR", 12},      // 15 / 1.25
         {"tWTR_S", 6},    // max(4 nCK, 7.5 ns)
         {"tCCD_S", 4},
         {"tRRD_S", 5},    // max(4 nCK, 6 ns) = 4.8 -> 5
         {"tFAW", 24},     // 30 / 1.25
         {"tRFC", 208},    // 260 / 1.25
         {"tREFI", 6240},  // 7800 / 1.25
         {"tRTRS", 2}}}},
      // JESD79-4 DDR4-3200AA (22-22-22), 8 Gb x8: 4 BG x 4 banks, BL8.
      {"ddr4-3200",
       {org(1, 4, 4, 65536, 1024, 8, 8, 64, 8, 2), 625,
        {{"tRCD", 22},      // 13.75 / 0.625
         {"tRP", 22},
         {"tRAS", 52},      // 32 / 0.625 = 51.2 -> 52
         {"tRC", 74},       // 45.75 / 0.625 = 73.2 -> 74
         {"tCL", 22},
         {"tCWL", 16},
         {"tBL", 4},
         {"tRTP", 12},      // 7.5 / 0.625
         {"tWR", 24},       // 15 / 0.625
         {"tWTR_S", 4},     // 2.5 / 0.625
         {"tWTR_L", 12},    // 7.5 / 0.625
         {"tCCD_S", 4},
         {"tCCD_L", 8},     // 5 / 0.625
         {"tRRD_S", 4},     // 2.5 / 0.625
         {"tRRD_L", 8},     // 4.9 / 0.625 = 7.84 -> 8
         {"tFAW", 34},      // 21 / 0.625 = 33.6 -> 34
         {"tRFC", 560},     // 350 / 0.625
         {"tREFI", 12480},  // 7800 / 0.625
         {"tRTRS", 2}}}},
      // JESD79-5 DDR5-4800B (40-39-39), 16 Gb x8, one 32-bit sub-channel: 8 BG x 4 banks,
      // BL16; nCK = ceil(t x 0.997 / 0.416).
      {"ddr5-4800",
       {org(1, 8, 4, 65536, 1024, 8, 4, 32, 16, 2), 416.667,
        {{"tRCD", 39},      // 16 ns
         {"tRP", 39},       // 16 ns
         {"tRAS", 77},      // 32 ns
         {"tRC", 116},      // 48 ns
         {"tCL", 40},
         {"tCWL", 38},      // CL - 2
         {"tBL", 8},        // BL16 / 2
         {"tRTP", 18},      // max(12 nCK, 7.5 ns)
         {"tWR", 72},       // 30 ns
         {"tWTR_S", 6},     // max(4 nCK, 2.5 ns)
         {"tWTR_L", 24},    // max(16 nCK, 10 ns)
         {"tCCD_S", 8},
         {"tCCD_L", 12},    // max(8 nCK, 5 ns)
         {"tCCD_L_WR", 24}, // max(16 nCK, 10 ns)
         {"tWPRE", 2},
         {"tRRD_S", 8},
         {"tRRD_L", 12},    // max(8 nCK, 5 ns)
         {"tFAW", 32},
         {"tRFC", 708},     // 295 ns
         {"tREFI", 9360},   // 3900 / 0.416667
         {"tRTRS", 2},
         {"tRFCsb", 312},   // 130 / 0.416667
         {"tREFIsb", 1170},  // 1950 / 4 / 0.416667
         {"tPPD", 2},        // 2 nCK
         {"tREFSBRD", 72}}}},  // 30 / 0.416667
      // JESD209-5 LPDDR5-6400, 8 Gb x16, BG mode 4 BG x 4 banks, BL16, WCK:CK 4:1.
      {"lpddr5-6400",
       {org(1, 4, 4, 32768, 1024, 16, 1, 16, 16, 8), 1250,
        {{"tRCD", 15},     // 18 / 1.25 = 14.4 -> 15
         {"tRP", 15},      // tRPpb 18 ns
         {"tRPab", 17},    // 21 / 1.25 = 16.8 -> 17
         {"tRAS", 34},     // 42 / 1.25 = 33.6 -> 34
         {"tRC", 49},      // tRAS + tRPpb in cycles
         {"tCL", 17},      // RL Set 0, 6000-6400 Mbps
         {"tCWL", 9},      // WL Set A, 6000-6400 Mbps
         {"tBL", 2},       // BL16 at 8 beats per tCK
         {"tRTP", 8},      // BL/n_max 4 + nRBTP 4
         {"tWR", 28},      // 34 / 1.25 = 27.2 -> 28
         {"tWTR_S", 5},    // 6.25 / 1.25
         {"tWTR_L", 12},   // 12 / 1.25 = 9.6 -> 10, plus BL/n_max - BL/n_min = 2
         {"tCCD_S", 2},
         {"tCCD_L", 4},
         {"tRRD_S", 4},    // 5 / 1.25
         {"tFAW", 16},     // 20 / 1.25
         {"tRFC", 168},    // 210 / 1.25
         {"tREFI", 3125},  // 3906.25 / 1.25
         {"tRTRS", 2},
         {"tRFCpb", 96},   // 120 / 1.25
         {"tREFIpb", 390},  // 3906.25 / 8 / 1.25 = 390.6 -> 390
         {"tPPD", 2},       // 2 nCK
         {"tPBR2PBR", 72},  // 90 / 1.25
         {"tPBR2ACT", 7}}}},  // 8 / 1.25 = 6.4 -> 7
      // JESD235 HBM2 2.0 Gb/s, pseudo-channel mode, 8 Gb dies in a 4-high stack; values of
      // Ramulator2 HBM2_2000Mbps and DRAMsim3 HBM2_8Gb_x128.ini (the larger where they differ).
      {"hbm2",
       {org(1, 4, 4, 16384, 128, 64, 1, 64, 4, 2), 1000,
        {{"tRCD", 14},
         {"tRCDWR", 14},   // 12 vs 14
         {"tRP", 14},
         {"tRAS", 34},
         {"tRC", 48},      // 34 + 14
         {"tCL", 14},
         {"tCWL", 5},      // Ramulator2's (DRAMsim3 4)
         {"tBL", 2},       // BL4 / 2
         {"tRTP", 6},      // 5 vs 6
         {"tWR", 16},
         {"tWTR_S", 6},
         {"tWTR_L", 8},
         {"tCCD_S", 2},
         {"tCCD_L", 4},    // 4 vs 2
         {"tRRD_S", 4},
         {"tRRD_L", 6},    // 4 vs 6
         {"tFAW", 30},     // 15 vs 30
         {"tRFC", 260},    // 4 Gb channel: 260 ns
         {"tREFI", 3900},
         {"tRFCpb", 160},  // 160 ns
         {"tREFIpb", 244}, // 3900 / 16 = 243.75 -> 244
         {"tRREFD", 8}}}},
      // JESD238 HBM3 6.4 Gb/s, pseudo-channel mode, BL8 at 4 beats per tCK; Ramulator2
      // HBM3_6400Mbps.
      {"hbm3",
       {org(1, 4, 4, 16384, 256, 32, 1, 32, 8, 4), 625,
        {{"tRCD", 31},
         {"tRCDWR", 15},
         {"tRP", 26},
         {"tRAS", 45},
         {"tRC", 72},
         {"tCL", 20},
         {"tCWL", 10},
         {"tBL", 2},
         {"tRTP", 9},
         {"tWR", 33},
         {"tWTR_S", 7},
         {"tWTR_L", 10},
         {"tCCD_S", 2},
         {"tCCD_L", 4},
         {"tRRD_S", 4},
         {"tRRD_L", 5},
         {"tFAW", 24},
         {"tRFC", 416},     // 260 / 0.625
         {"tREFI", 6240},   // 3900 / 0.625
         {"tRFCpb", 320},   // 200 / 0.625
         {"tREFIpb", 390},  // 3900 / 16 / 0.625
         {"tRREFD", 13},   // 8 / 0.625 = 12.8 -> 13
         {"tPPD", 2}}}},   // 2 nCK
  };
  return presets;
}

// One supply rail: voltage (V) and IDD0, IDD2N, IDD3N, IDD4R, IDD4W, IDD5B (mA per device).
struct Rail {
  double voltage;
  std::vector<double> idd;
};

struct PinnedPower {
  int devices;
  std::map<std::string, Rail> rails;
};

const std::map<std::string, PinnedPower>& pinned_power() {
  static const std::map<std::string, PinnedPower> power = {
      // DRAMsim3 configs/DDR3_4Gb_x8_1600.ini (DDR3L, 1.35 V).
      {"ddr3-1600k", {8, {{"VDD", {1.35, {55, 32, 38, 157, 125, 235}}}}}},
      // Micron 8Gb DDR4 -062E as transcribed by DRAMPower; IDD5B and IPP5B from the
      // MTA18ASF2G72HZ module table (2475 mA and 279 mA over 9 devices, less IDD2P / IPP3N).
      {"ddr4-3200",
       {8, {{"VDD", {1.2, {57, 37, 56, 168, 155, 250}}}, {"VPP", {2.5, {3, 3, 3, 3, 3, 28}}}}}},
      // Ramulator2 DDR5.cpp current preset "Default".
      {"ddr5-4800", {4, {{"VDD", {1.1, {60, 50, 55, 145, 145, 362}}}}}},
      // DRAMsim3 configs/HBM2_8Gb_x128.ini.
      {"hbm2", {1, {{"VDD", {1.2, {65, 40, 55, 390, 500, 250}}}}}},
      // The HBM2 currents at HBM3's 1.1 V (no public HBM3 IDD table).
      {"hbm3", {1, {{"VDD", {1.1, {65, 40, 55, 390, 500, 250}}}}}},
      // DRAMPower tests/tests_drampower/resources/lpddr5.json.
      {"lpddr5-6400", {1, {{"VDD2H", {1.05, {56.25, 33.75, 35, 157.5, 135, 118}}}}}},
  };
  return power;
}

TEST(PresetValues, EveryShippedPresetIsPinned) {
  std::vector<std::string> names;
  for (const auto& [name, unused] : pinned()) names.push_back(name);
  EXPECT_EQ(shipped_preset_names(), names);
}

// The timing keys the preset file gives, read from the JSON itself.
std::set<std::string> file_timing_keys(const std::string& name) {
  const boost::json::value root = read_json_object_file(preset_dir() + "/" + name + ".json",
                                                        "preset");
  std::set<std::string> keys;
  for (const auto& entry : root.as_object().at("timing").as_object())
    keys.insert(std::string(entry.key()));
  return keys;
}

class PinnedPreset : public ::testing::TestWithParam<std::string> {};

TEST_P(PinnedPreset, KeysAreThePinnedOnes) {
  const Pinned& want = pinned().at(GetParam());
  std::set<std::string> keys = {"tCK_ps"};
  for (const auto& [key, unused] : want.timing) keys.insert(key);
  EXPECT_EQ(file_timing_keys(GetParam()), keys);
}

TEST_P(PinnedPreset, TimingValues) {
  const Pinned& want = pinned().at(GetParam());
  const DramPreset p = load_preset(GetParam());
  EXPECT_DOUBLE_EQ(p.timing.tCK_ps, want.tCK_ps);
  for (const std::string& key : kTimingNames) {
    const auto it = want.timing.find(key);
    EXPECT_EQ(timing_value(p.timing, key), it == want.timing.end() ? 0 : it->second) << key;
  }
  for (const auto& [key, unused] : want.timing)
    EXPECT_NE(std::find(kTimingNames.begin(), kTimingNames.end(), key), kTimingNames.end())
        << key << " is pinned but is no timing name";
}

TEST_P(PinnedPreset, OrganizationValues) {
  const Organization& w = pinned().at(GetParam()).org;
  const Organization o = load_preset(GetParam()).org;
  EXPECT_EQ(o.ranks, w.ranks);
  EXPECT_EQ(o.bank_groups, w.bank_groups);
  EXPECT_EQ(o.banks_per_group, w.banks_per_group);
  EXPECT_EQ(o.rows, w.rows);
  EXPECT_EQ(o.columns, w.columns);
  EXPECT_EQ(o.device_width, w.device_width);
  EXPECT_EQ(o.devices_per_rank, w.devices_per_rank);
  EXPECT_EQ(o.channel_width, w.channel_width);
  EXPECT_EQ(o.burst_length, w.burst_length);
  EXPECT_EQ(o.beats_per_clock, w.beats_per_clock);
}

TEST_P(PinnedPreset, PowerValues) {
  const PinnedPower& want = pinned_power().at(GetParam());
  const Power got = load_preset(GetParam()).power;
  EXPECT_EQ(got.devices, want.devices);
  std::set<std::string> names;
  for (const PowerDomain& d : got.domains) {
    names.insert(d.name);
    const auto it = want.rails.find(d.name);
    if (it == want.rails.end()) continue;  // the name sets differ: reported below
    SCOPED_TRACE(d.name);
    EXPECT_DOUBLE_EQ(d.voltage, it->second.voltage);
    const std::vector<double> idd = {d.idd0, d.idd2n, d.idd3n, d.idd4r, d.idd4w, d.idd5b};
    EXPECT_EQ(idd, it->second.idd);
  }
  std::set<std::string> want_names;
  for (const auto& [name, unused] : want.rails) want_names.insert(name);
  EXPECT_EQ(names, want_names);
}

std::string preset_test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string s = info.param;
  for (char& c : s)
    if (c == '-') c = '_';
  return s;
}

INSTANTIATE_TEST_SUITE_P(Shipped, PinnedPreset,
                         ::testing::Values("ddr3-1600k", "ddr4-3200", "ddr5-4800",
                                           "lpddr5-6400", "hbm2", "hbm3"),
                         preset_test_name);

}  // namespace
}  // namespace mckit::dram
