// The tables `mckit run` prints: what ran and what it measured, or what a run would move.
#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "dram/dram_preset.h"
#include "stats/run_stats.h"
#include "stats/stats_json.h"
#include "workloads/planned_source.h"

namespace mckit::sim {

struct RunLabel {
  std::string workload, preset, backend, policy;
  std::string prefetcher;  // its kind and settings, when one is on
};

// With a baseline (the same run without the prefetcher), a prefetch section compares the two.
void print_run_table(std::ostream& out, const RunLabel& label, const stats::RunStats& s,
                     const std::optional<stats::RunFigures>& baseline = std::nullopt);

// What a workload will move, before it runs (`mckit run --plan`).
void print_plan(std::ostream& out, const std::string& workload, const dram::DramPreset& preset,
                const workloads::WorkloadPlan& plan);

}  // namespace mckit::sim
