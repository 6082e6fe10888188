// Converts an FST dump to a plain VCD in-process, with GTKWave's fstapi (what its fst2vcd
// does), so that VCD waves need no program installed.
#pragma once

#include <cstdio>
#include <string>

namespace mckit::sim {

// Writes the VCD of the FST at `fst_path` to `vcd`. Throws InputError naming `fst_path` if it
// cannot be read; write errors are left on `vcd` (ferror) for its owner to report.
void write_vcd_from_fst(const std::string& fst_path, std::FILE* vcd);

}  // namespace mckit::sim
