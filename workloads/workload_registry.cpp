#include "workload_registry.h"

#include <algorithm>
#include <cstdio>

#include "common/input_error.h"
#include "microbench.h"
#include "trace_source.h"
#include "workloads/ai_workloads.h"

namespace mckit::workloads {

namespace {
std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}
}  // namespace

const std::vector<std::string>& workload_names() {
  static const std::vector<std::string> names = {"sequential", "random", "strided", "hotspot", "rw-mix"};
  return names;
}

void require_known_workload(const std::string& name) {
  const auto& names = workload_names();
  if (name == "trace" || is_ai_workload(name) ||
      std::find(names.begin(), names.end(), name) != names.end())
    return;
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  for (const auto& n : ai_workload_names()) list += ", " + n;
  throw InputError("unknown workload '" + name + "' (accepted: " + list + ")");
}

std::unique_ptr<RequestSource> make_workload(const WorkloadParams& p) {
  require_known_workload(p.name);
  if (is_ai_workload(p.name)) return make_ai_workload(p);
  if (p.name == "trace")  // a trace takes none of the generators' options
    return std::make_unique<TraceSource>(
        TraceParams{p.trace_path, p.trace_format, p.burst_bytes, p.capacity, p.requests});
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
  if (p.name == "strided") {
    if (p.stride_bursts == 0) throw InputError("stride must be at least 1 burst");
    StridedParams s;
    s.count = p.requests;
    s.footprint = footprint;
    s.burst_bytes = p.burst_bytes;
    s.stride_bursts = p.stride_bursts;
    return std::make_unique<StridedSource>(s);
  }
  if (p.name == "hotspot") {
    if (!(p.hot_fraction >= 0.0 && p.hot_fraction <= 1.0))
      throw InputError("hot fraction must be between 0 and 1, got " + number(p.hot_fraction));
    if (p.hot_bytes < std::uint64_t(p.burst_bytes))
      throw InputError("hot region of " + std::to_string(p.hot_bytes) +
                       " bytes must hold at least one burst of " + std::to_string(p.burst_bytes) +
                       " bytes");
    if (p.hot_bytes > footprint)
      throw InputError("hot region of " + std::to_string(p.hot_bytes) +
                       " bytes is larger than the footprint of " + std::to_string(footprint) +
                       " bytes");
    HotspotParams h;
    h.count = p.requests;
    h.seed = p.seed;
    h.footprint = footprint;
    h.burst_bytes = p.burst_bytes;
    h.read_fraction = p.read_fraction;
    h.hot_fraction = p.hot_fraction;
    h.hot_bytes = p.hot_bytes;
    return std::make_unique<HotspotSource>(h);
  }
  // rw-mix: the one name left that require_known_workload() lets through.
  RwMixParams m;
  m.count = p.requests;
  m.seed = p.seed;
  m.footprint = footprint;
  m.burst_bytes = p.burst_bytes;
  m.read_fraction = p.read_fraction;
  return std::make_unique<RwMixSource>(m);
}

}  // namespace mckit::workloads
