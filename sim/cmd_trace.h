// `mckit trace export`: writes any workload's requests as a trace in mckit's or a peer
// simulator's format (docs/traces.md).
#pragma once

#include <CLI/CLI.hpp>

namespace mckit::sim {
void add_trace_command(CLI::App& app);
}
