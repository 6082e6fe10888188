// `mckit run`: one workload on one controller configuration, with its results table.
#pragma once

#include <CLI/CLI.hpp>

namespace mckit::sim {
void add_run_command(CLI::App& app);
}
