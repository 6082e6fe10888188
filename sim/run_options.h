// The options of `mckit run` and the command-line options bound to them, apart from the run
// itself, so that the option set (which run files fill in) can be built without SystemC or
// the RTL.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

#include "ctrl/controller_config.h"
#include "workload_options.h"

namespace mckit::sim {

struct RunOptions {
  std::string preset = "ddr4-3200";
  std::string backend = "rtl";
  std::string scheduler = "frfcfs";
  std::string page_policy = "open";
  std::string mapping = "ro-ba-ra-co-bg-ch";
  bool xor_hash = false;
  int age_cap = 512;
  int idle_timeout = 64;
  int write_high = 24;
  int write_low = 8;
  bool no_refresh = false;
  std::string prefetcher = "none";
  ctrl::PrefetchConfig prefetch;  // all but the kind, parsed from `prefetcher`
  bool plan_only = false;
  std::uint64_t outstanding = 1024;
  double rate_gbps = 0;
  WorkloadOptions workload;
  std::string stats;
  std::string waves;
  std::string waves_window;
  std::string run_file;
};

// Adds every option of `mckit run` to `cmd`, bound to `o`, which must outlive the parse.
void add_run_options(CLI::App& cmd, RunOptions& o);

// --waves-window START:END: the cycles the waves hold, START included, END not.
struct CycleWindow {
  std::uint64_t start = 0, end = 0;
};
// Throws InputError unless `text` is START:END in cycles with START < END.
CycleWindow parse_waves_window(const std::string& text);

}  // namespace mckit::sim
