#include "workloads/trace_source.h"

#include <algorithm>

namespace mckit::workloads {

namespace {
std::optional<TraceFormat> format_named(const std::string& name) {
  if (name.empty()) return std::nullopt;
  return parse_trace_format(name);
}
}  // namespace

TraceSource::TraceSource(const TraceParams& p) {
  const std::uint64_t burst = std::uint64_t(p.burst_bytes);
  TraceReader scan(p.path, format_named(p.format), p.burst_bytes, p.capacity);
  Request r;
  while (plan_.requests < p.max_requests && scan.next(r)) {
    ++plan_.requests;
    (r.write ? plan_.write_bytes : plan_.read_bytes) += burst;
    plan_.footprint = std::max(plan_.footprint, r.addr + burst);
  }
  // The second pass reads the format the first one found, whether given or detected.
  reader_.emplace(p.path, scan.format(), p.burst_bytes, p.capacity);
}

bool TraceSource::next(Request& out) {
  if (played_ == plan_.requests || !reader_->next(out)) return false;
  ++played_;
  return true;
}

}  // namespace mckit::workloads
