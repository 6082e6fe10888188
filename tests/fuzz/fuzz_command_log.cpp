// Fuzz target: a command log checked on the device model of every shipped preset, as
// `mckit check --preset NAME LOG` checks it.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "dram/command_log.h"
#include "dram/dram_preset.h"
#include "fuzz/fuzz_input.h"

namespace {

std::vector<mckit::dram::DramPreset> shipped_presets() {
  std::vector<mckit::dram::DramPreset> presets;
  for (const std::string& name : mckit::dram::shipped_preset_names())
    presets.push_back(mckit::dram::load_preset(name));
  return presets;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<mckit::dram::DramPreset> presets = shipped_presets();
  const std::string path = mckit::fuzz::input_file(data, size);
  for (const mckit::dram::DramPreset& preset : presets)
    mckit::fuzz::accept_input_errors([&] { mckit::dram::check_command_log(path, preset); });
  return 0;
}
