#include "workloads/ai_params_check.h"

#include "common/input_error.h"
#include "common/request.h"

namespace mckit::workloads {

namespace {
std::string label(const ModelShape& m) { return m.file.empty() ? m.name : m.file; }
// "a decoder", "an embedding", "a moe" (read "a mixture-of-experts").
std::string a_kind(ModelKind k) { return (k == ModelKind::Embedding ? "an " : "a ") + name_of(k); }
}  // namespace

void require_kind(const ModelShape& m, ModelKind kind, const std::string& workload) {
  if (m.kind != kind)
    throw InputError(workload + " needs " + a_kind(kind) + " model, but " + label(m) + " is " +
                     a_kind(m.kind) + " model");
}

void require_memory(int burst_bytes, std::uint64_t capacity) {
  if (burst_bytes < 8 || burst_bytes > kMaxBurstBytes || (burst_bytes & (burst_bytes - 1)))
    throw InputError("burst of " + std::to_string(burst_bytes) +
                     " bytes: must be a power of two from 8 to 64");
  if (capacity < std::uint64_t(burst_bytes))
    throw InputError("memory capacity of " + std::to_string(capacity) +
                     " bytes holds no burst");
}

std::uint64_t simulated_layers(const ModelShape& m, std::uint64_t wanted) {
  if (wanted > m.layers)
    throw InputError(std::to_string(wanted) + " layers asked for, but " + label(m) + " has " +
                     std::to_string(m.layers));
  return wanted ? wanted : m.layers;
}

}  // namespace mckit::workloads
