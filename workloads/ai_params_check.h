// Checks shared by the AI generators' parameters.
#pragma once

#include <cstdint>
#include <string>

#include "workloads/model_shape.h"

namespace mckit::workloads {

// Throws InputError naming `workload` when the model is not of the kind it needs.
void require_kind(const ModelShape& m, ModelKind kind, const std::string& workload);
// Throws InputError unless the burst is a power of two from 8 to kMaxBurstBytes bytes and
// the capacity is at least one burst.
void require_memory(int burst_bytes, std::uint64_t capacity);
// The layers to simulate: `wanted`, or all the model's when 0; throws InputError for more.
std::uint64_t simulated_layers(const ModelShape& m, std::uint64_t wanted);

}  // namespace mckit::workloads
