// What an FST dump holds, read back with GTKWave's fstapi: every variable under the name
// GTKWave shows it by, whether it carries an enum table (GTKWave then shows its values by
// name), and the times of the first and last dump.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

namespace mckit::sim {

struct DumpVar {
  std::string name;         // as GTKWave names it: "mc_top.mc_top.dfi_cmd_o[3:0]"
  unsigned bits = 0;
  bool enumerated = false;  // the FST gives its values names (a SystemVerilog enum type)
};

struct FstContents {
  // By full name without the bit range: "mc_top.mc_top.dfi_cmd_o".
  std::unordered_map<std::string, DumpVar> vars;
  std::uint64_t start_time = 0;  // in the dump's time unit
  std::uint64_t end_time = 0;
};

// Nothing if `path` cannot be read as an FST.
std::optional<FstContents> read_fst_contents(const std::string& path);

}  // namespace mckit::sim
