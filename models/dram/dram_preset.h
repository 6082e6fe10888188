// A DRAM standard as data: organization, timings in tCK, and IDD currents.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mckit::dram {

struct Organization {
  int ranks = 1;
  int bank_groups = 1;
  int banks_per_group = 1;
  int rows = 0;
  int columns = 0;
  int device_width = 0;      // bits per device
  int devices_per_rank = 0;
  int channel_width = 0;     // bits on the data bus
  int burst_length = 0;      // beats per column command
  int beats_per_clock = 2;   // data beats per tCK (2 for DDR; 8 for LPDDR5 with WCK 4:1)

  int banks_per_rank() const { return bank_groups * banks_per_group; }
  int bytes_per_burst() const { return channel_width / 8 * burst_length; }
  std::uint64_t bytes_per_rank() const;
};

// Every value in tCK except tCK_ps. Optional extras are 0 when the standard lacks them.
struct Timing {
  double tCK_ps = 0;
  int tRCD = 0, tRP = 0, tRAS = 0, tRC = 0;
  int tCL = 0, tCWL = 0, tBL = 0;
  int tRTP = 0, tWR = 0;
  int tWTR_S = 0, tWTR_L = 0;
  int tCCD_S = 0, tCCD_L = 0;
  int tRRD_S = 0, tRRD_L = 0;
  int tFAW = 0, tRFC = 0, tREFI = 0, tRTRS = 0;
  // Standard-specific extras.
  int tRCDWR = 0;     // ACT to WR where it differs from ACT to RD (HBM)
  int tRPab = 0;      // PREA to ACT/REF where it differs from tRP (LPDDR5)
  int tPPD = 0;       // PRE or PREA to PRE or PREA in one rank (DDR5, LPDDR5, HBM3)
  int tCCD_L_WR = 0;  // WR to WR in one bank group where it differs from tCCD_L (DDR5)
  int tWPRE = 0;      // write preamble beyond the one cycle every DDR standard has (DDR5)
  int tRFCsb = 0, tREFIsb = 0, tRFCpb = 0, tREFIpb = 0, tRREFD = 0;
  int tPBR2PBR = 0, tPBR2ACT = 0;  // REFpb to REFpb / to ACT of another bank (LPDDR5)
  int tREFSBRD = 0;                // REFsb to REFsb or ACT of another bank (DDR5)
};

// The value of the integer timing called `name` ("tRCD"), or nothing for an unknown name.
// Timings a preset does not set read as 0.
std::optional<int> timing_value(const Timing& t, std::string_view name);

// IDD currents (mA) of one supply rail; energy is computed per rail and summed.
struct PowerDomain {
  std::string name;
  double voltage = 0;  // V
  double idd0 = 0, idd2n = 0, idd3n = 0, idd4r = 0, idd4w = 0, idd5b = 0;
};

struct Power {
  int devices = 1;  // multiplier of the per-device currents
  std::vector<PowerDomain> domains;
};

struct DramPreset {
  std::string name;
  std::string standard;
  std::string description;
  std::string file;  // where it was loaded from
  Organization org;
  Timing timing;
  Power power;

  double tck_ns() const { return timing.tCK_ps / 1000.0; }
  double data_rate_mtps() const { return org.beats_per_clock * 1e6 / timing.tCK_ps; }
  double peak_bandwidth_gbps() const;  // GB/s (1e9 bytes)
  std::uint64_t capacity_bytes() const { return org.bytes_per_rank() * org.ranks; }
  double refresh_overhead() const { return double(timing.tRFC) / timing.tREFI; }
};

// The standards a preset may name.
const std::vector<std::string>& known_standards();

// Parses and validates a preset file; throws PresetError naming the file, key and rule.
DramPreset load_preset_file(const std::string& path);

// A shipped preset name (case-insensitive, e.g. "ddr4-3200") or a path to a JSON file.
DramPreset load_preset(const std::string& name_or_path);

// Shipped preset names, sorted.
std::vector<std::string> shipped_preset_names();

// Folder of the shipped presets: $MCKIT_CONFIG_DIR/dram if set, else the source tree's.
std::string preset_dir();

}  // namespace mckit::dram
