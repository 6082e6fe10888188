// `mckit presets`: the shipped DRAM presets with their key figures.
#pragma once

#include <CLI/CLI.hpp>

namespace mckit::sim {
void add_presets_command(CLI::App& app);
}
