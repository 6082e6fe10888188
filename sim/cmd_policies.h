// `mckit policies`: the shipped controller policies and the values each sets.
#pragma once

#include <CLI/CLI.hpp>

namespace mckit::sim {

void add_policies_command(CLI::App& app);

}  // namespace mckit::sim
