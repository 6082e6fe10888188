// The AI workloads by name, built from a model shape and the run's options: llm-decode,
// llm-prefill, attention, embedding and moe (docs/workloads/). Several at once are named with
// '+' (llm-decode+embedding); with them, or with several instances, each generator runs in its
// own slice of the memory as its own set of streams, all interleaved.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "workloads/planned_source.h"
#include "workloads/workload_registry.h"

namespace mckit::workloads {

bool is_ai_workload(const std::string& name);  // each '+'-joined part is one

// Throws InputError for an unknown model, a model of the wrong kind, options the workload
// cannot run with, or tensors that do not fit the memory.
std::unique_ptr<PlannedSource> make_ai_workload(const WorkloadParams& p);

// The model each '+'-joined part runs, as given or its default, joined with '+'
// ("llama2-7b+dlrm-benchmark"); empty for a workload that is not an AI one.
std::string ai_model_names(const WorkloadParams& p);
// The model shape files an AI workload reads, one per model, so that no output overwrites
// them; none for other workloads. Throws InputError for an unknown model.
std::vector<std::string> ai_model_files(const WorkloadParams& p);

// One line for a results table: the workload, its model and the options that shape it.
std::string describe_ai_workload(const WorkloadParams& p);

}  // namespace mckit::workloads
