#include "workloads/trace_source.h"

namespace mckit::workloads {

namespace {
std::optional<TraceFormat> format_named(const std::string& name) {
  if (name.empty()) return std::nullopt;
  return parse_trace_format(name);
}
}  // namespace

TraceSource::TraceSource(const TraceParams& p) {
  TraceReader scan(p.path, format_named(p.format), p.burst_bytes, p.capacity);
  plan_ = measure_plan(scan, p.burst_bytes, p.max_requests);
  // The second pass reads the format the first one found, whether given or detected.
  reader_.emplace(p.path, scan.format(), p.burst_bytes, p.capacity);
}

bool TraceSource::next(Request& out) {
  if (played_ == plan_.requests || !reader_->next(out)) return false;
  ++played_;
  return true;
}

}  // namespace mckit::workloads
