// The workload options `mckit run` and `mckit trace export` share: a generator's options are
// added here once and both commands take them (and run files, which map long option names).
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "dram/dram_preset.h"
#include "workloads/workload_registry.h"

namespace mckit::sim {

struct WorkloadOptions {
  // --workload as given (`trace:FILE` included) and the options that map one to one.
  workloads::WorkloadParams params;
  // Sizes as given ("64MiB"), parsed by to_params.
  std::string footprint;
  std::string hot_bytes;
  // Set by add_workload_options: a trace plays all its lines unless --requests was given.
  const CLI::Option* requests = nullptr;
};

// Adds --workload, --requests, --seed, ..., --trace-format to `cmd`, bound to `o`, which must
// outlive the parse. Each is checked as it is given: a bad value is refused naming the option
// (or the run file's key).
void add_workload_options(CLI::App& cmd, WorkloadOptions& o);

// The parameters for `preset`'s burst size and capacity: sizes parsed, `trace:FILE` split into
// the workload "trace" and its path. Throws InputError for --requests with an AI workload.
workloads::WorkloadParams to_params(const WorkloadOptions& o, const dram::DramPreset& preset);

// The files a run of `w` on `preset` reads (the preset, the trace, the model shapes), which no
// output may overwrite.
std::vector<std::string> input_files(const workloads::WorkloadParams& w,
                                     const dram::DramPreset& preset);

}  // namespace mckit::sim
