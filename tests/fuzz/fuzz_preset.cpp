// Fuzz target: a DRAM preset file, as `mckit run --preset FILE.json` loads it, and the figures
// derived from it that `mckit presets` prints.
#include <cstddef>
#include <cstdint>

#include "dram/dram_preset.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = mckit::fuzz::input_file(data, size);
  mckit::fuzz::accept_input_errors([&] {
    const mckit::dram::DramPreset p = mckit::dram::load_preset_file(path);
    volatile double figures = double(p.capacity_bytes()) + p.peak_bandwidth_gbps() +
                              p.data_rate_mtps() + p.refresh_overhead();
    (void)figures;
  });
  return 0;
}
