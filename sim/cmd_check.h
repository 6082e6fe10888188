// `mckit check`: checks a controller's command log against a DRAM preset.
#pragma once

#include <CLI/CLI.hpp>

namespace mckit::sim {
void add_check_command(CLI::App& app);
}
