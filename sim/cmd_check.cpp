#include "cmd_check.h"

#include <iostream>

#include "dram/command_log.h"
#include "dram/dram_preset.h"
#include "exit_codes.h"
#include "text_table.h"

namespace mckit::sim {

void add_check_command(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand(
      "check", "Check a command log (docs/command-log.md) against a DRAM preset's constraints");
  auto preset = std::make_shared<std::string>();
  auto file = std::make_shared<std::string>();
  cmd->add_option("--preset", *preset, "preset name (see `mckit presets`) or .json path")
      ->required();
  cmd->add_option("log", *file, "command log file")->required();
  cmd->callback([preset, file] {
    const dram::DramPreset p = dram::load_preset(*preset);
    const dram::LogCheckResult r = dram::check_command_log(*file, p);
    for (const auto& [line, v] : r.violations)
      std::cout << *file << ":" << (line ? std::to_string(line) + ": " : "end: ") << v.message()
                << '\n';
    const double ns = p.tck_ns();
    const auto counted = [](std::size_t n, const char* noun) {
      return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
    };
    std::cout << counted(r.violations.size(), "violation") << " in "
              << counted(r.commands, "command") << " over " << r.last_cycle << " cycles (" << fixed(r.last_cycle * ns, 1) << " ns) on "
              << p.name << "; energy " << fixed(r.energy.total() / 1000.0, 3) << " nJ";
    if (r.energy.bits) std::cout << " (" << fixed(r.energy.pj_per_bit(), 2) << " pJ/bit)";
    std::cout << '\n';
    if (!r.violations.empty()) throw CLI::RuntimeError(kExitViolations);
  });
}

}  // namespace mckit::sim
