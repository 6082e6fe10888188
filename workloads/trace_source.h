// A trace file as a workload (`--workload trace:FILE`): its requests in order, each line one,
// read once as they play. How many there are is known only at the end: the trace is not read
// ahead (it may be a pipe), and a malformed line stops the run when it is reached.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "workloads/trace_reader.h"

namespace mckit::workloads {

struct TraceParams {
  std::string path;
  std::string format;  // a name of trace_format_names(); empty: detected from the file
  int burst_bytes = 64;
  std::uint64_t capacity = 0;  // of the memory: every address must lie below it
  std::uint64_t max_requests = std::numeric_limits<std::uint64_t>::max();  // the first ones only
};

class TraceSource : public RequestSource {
 public:
  // Opens the trace and reads up to its first request. Throws InputError for a bad file, a
  // first line whose format cannot be told, or a malformed first request line.
  explicit TraceSource(const TraceParams& p);

  // Throws InputError("FILE:LINE: ...") for a malformed line.
  bool next(Request& out) override;
  TraceFormat format() const { return reader_.format(); }
  std::uint64_t played() const { return played_; }
  // How much of the file has been read, from 0 to 1; none when its size is unknown (a pipe).
  std::optional<double> fraction_read() const;
  // Whether another reader could open the trace anew and read it again: a regular file, not a
  // pipe or FIFO whose data this one consumes.
  bool rereadable() const { return reader_.input().size().has_value(); }

 private:
  TraceReader reader_;
  std::uint64_t max_requests_;
  std::uint64_t played_ = 0;
};

}  // namespace mckit::workloads
