// RunStats as JSON (`mckit run --stats`): the fields and their units are in docs/stats-schema.md.
#pragma once

#include <boost/json.hpp>
#include <string>

#include "stats/run_stats.h"

namespace mckit::stats {

// What was run: copied into the "run" object as is.
struct RunInfo {
  std::string workload, preset, backend, policy;
  boost::json::object parameters;  // workload and controller options, by name
};

boost::json::object to_json(const RunStats& s, const RunInfo& info);

}  // namespace mckit::stats
