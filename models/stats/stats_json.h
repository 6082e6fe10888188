// RunStats as JSON (`mckit run --stats`): the fields and their units are in docs/stats-schema.md.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "stats/run_stats.h"

namespace mckit::stats {

// The figures a prefetcher is judged by, of one run. Plain data, so that a run in another
// process can hand them over.
struct RunFigures {
  double bandwidth_gbps = 0;
  double mean_read_latency_ns = 0;
  double p99_read_latency_ns = 0;
  std::uint64_t cycles = 0;
  bool clean = true;
};
RunFigures figures_of(const RunStats& s);

// From `from` to `to`: by how much, and by what share of `from` in % (0 when `from` is 0).
struct Change {
  double by = 0;
  double percent = 0;
};
Change change(double from, double to);

// What was run: copied into the "run" object as is.
struct RunInfo {
  std::string workload, preset, backend, policy;
  boost::json::object parameters;  // workload and controller options, by name
  // The same run without the prefetcher, when one was on: "prefetch" compares against it.
  std::optional<RunFigures> baseline = std::nullopt;
};

boost::json::object to_json(const RunStats& s, const RunInfo& info);

}  // namespace mckit::stats
