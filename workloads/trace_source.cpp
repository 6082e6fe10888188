#include "workloads/trace_source.h"

#include <algorithm>

namespace mckit::workloads {

namespace {
std::optional<TraceFormat> format_named(const std::string& name) {
  if (name.empty()) return std::nullopt;
  return parse_trace_format(name);
}
}  // namespace

TraceSource::TraceSource(const TraceParams& p)
    : reader_(p.path, format_named(p.format), p.burst_bytes, p.capacity),
      max_requests_(p.max_requests) {}

bool TraceSource::next(Request& out) {
  if (played_ == max_requests_ || !reader_.next(out)) return false;
  ++played_;
  return true;
}

std::optional<double> TraceSource::fraction_read() const {
  const std::optional<std::uint64_t> size = reader_.input().size();
  if (!size) return std::nullopt;
  if (*size == 0) return 1.0;
  return std::min(1.0, double(reader_.input().bytes_read()) / double(*size));
}

}  // namespace mckit::workloads
