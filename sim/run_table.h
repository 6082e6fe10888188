// The table `mckit run` prints: what ran and what it measured.
#pragma once

#include <ostream>
#include <string>

#include "stats/run_stats.h"

namespace mckit::sim {

struct RunLabel {
  std::string workload, preset, backend, policy;
};

void print_run_table(std::ostream& out, const RunLabel& label, const stats::RunStats& s);

}  // namespace mckit::sim
