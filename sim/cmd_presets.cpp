#include "cmd_presets.h"

#include <iostream>

#include "common/byte_size.h"
#include "dram/dram_preset.h"
#include "text_table.h"

namespace mckit::sim {

void add_presets_command(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("presets", "List the DRAM presets with their key figures");
  cmd->callback([] {
    TextTable table({"preset", "standard", "MT/s", "tCK ns", "width", "peak GB/s", "capacity",
                     "banks", "tRFC/tREFI"});
    for (const std::string& name : dram::shipped_preset_names()) {
      const dram::DramPreset p = dram::load_preset(name);
      table.add_row({name, p.standard, fixed(p.data_rate_mtps(), 0), fixed(p.tck_ns(), 3),
                     std::to_string(p.org.channel_width) + " bit",
                     fixed(p.peak_bandwidth_gbps(), 2), bytes_human(double(p.capacity_bytes())),
                     std::to_string(p.org.ranks * p.org.banks_per_rank()),
                     fixed(100.0 * p.refresh_overhead(), 2) + " %"});
    }
    table.print(std::cout);
    std::cout << "Presets live in " << dram::preset_dir()
              << "; any preset option also takes the path of your own .json file.\n";
  });
}

}  // namespace mckit::sim
