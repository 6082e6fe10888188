// The tables `mckit run` prints: what ran and what it measured, or what a run would move.
#pragma once

#include <ostream>
#include <string>

#include "dram/dram_preset.h"
#include "stats/run_stats.h"
#include "workloads/planned_source.h"

namespace mckit::sim {

struct RunLabel {
  std::string workload, preset, backend, policy;
};

void print_run_table(std::ostream& out, const RunLabel& label, const stats::RunStats& s);

// What a workload will move, before it runs (`mckit run --plan`).
void print_plan(std::ostream& out, const std::string& workload, const dram::DramPreset& preset,
                const workloads::WorkloadPlan& plan);

}  // namespace mckit::sim
