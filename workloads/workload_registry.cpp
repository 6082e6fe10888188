#include "workload_registry.h"

#include "common/input_error.h"
#include "microbench.h"

namespace mckit::workloads {

const std::vector<std::string>& workload_names() {
  static const std::vector<std::string> names = {"sequential", "random"};
  return names;
}

std::unique_ptr<RequestSource> make_workload(const WorkloadParams& p) {
  const std::uint64_t footprint = p.footprint ? p.footprint : p.capacity;
  if (footprint > p.capacity)
    throw InputError("footprint of " + std::to_string(footprint) +
                     " bytes exceeds the memory's " + std::to_string(p.capacity) + " bytes");
  if (footprint < std::uint64_t(p.burst_bytes))
    throw InputError("footprint must hold at least one burst of " +
                     std::to_string(p.burst_bytes) + " bytes");
  if (!(p.read_fraction >= 0.0 && p.read_fraction <= 1.0))
    throw InputError("read fraction must be between 0 and 1");
  if (p.max_run < 1) throw InputError("run length must be at least 1 burst");

  if (p.name == "sequential") {
    SequentialParams s;
    s.count = p.requests;
    s.burst_bytes = p.burst_bytes;
    s.footprint = footprint;
    return std::make_unique<SequentialSource>(s);
  }
  if (p.name == "random") {
    RandomParams r;
    r.count = p.requests;
    r.seed = p.seed;
    r.footprint = footprint;
    r.burst_bytes = p.burst_bytes;
    r.read_fraction = p.read_fraction;
    r.max_run = p.max_run;
    return std::make_unique<RandomSource>(r);
  }
  std::string list;
  for (const auto& n : workload_names()) list += (list.empty() ? "" : ", ") + n;
  throw InputError("unknown workload '" + p.name + "' (accepted: " + list + ")");
}

}  // namespace mckit::workloads
