// The options of `mckit run` and the command-line options bound to them, apart from the run
// itself, so that the option set (which run files fill in) can be built without SystemC or
// the RTL.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

#include "ctrl/controller_config.h"
#include "ctrl/controller_policy.h"
#include "workload_options.h"

namespace mckit::sim {

struct RunOptions {
  std::string preset = "ddr4-3200";
  std::string backend = "rtl";
  // The controller: a policy (configs/policies), and the options that override its values.
  // Their defaults are the controller's own.
  std::string policy = "default";
  ctrl::ControllerConfig controller;  // the flags and integers; the names below
  std::string scheduler = ctrl::name_of(ctrl::ControllerConfig{}.scheduler);
  std::string page_policy = ctrl::name_of(ctrl::ControllerConfig{}.page_policy);
  std::string mapping = ctrl::name_of(ctrl::ControllerConfig{}.mapping);
  std::string prefetcher = ctrl::name_of(ctrl::ControllerConfig{}.prefetch.kind);
  std::string refresh_kind = ctrl::name_of(ctrl::ControllerConfig{}.refresh_kind);
  bool no_refresh = !ctrl::ControllerConfig{}.refresh;
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

// The controller a run takes: the policy `o.policy` names, with each controller option that
// the command line or the run file gave (cmd.count() > 0) in place of the policy's value.
ctrl::ControllerPolicy resolve_policy(const CLI::App& cmd, const RunOptions& o);

// --waves-window START:END: the cycles the waves hold, START included, END not.
struct CycleWindow {
  std::uint64_t start = 0, end = 0;
};
// Throws InputError unless `text` is START:END in cycles with START < END.
CycleWindow parse_waves_window(const std::string& text);

}  // namespace mckit::sim
