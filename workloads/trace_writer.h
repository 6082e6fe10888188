// Writes requests as a trace in mckit's or a peer simulator's format (docs/traces.md), one
// line each, as they come.
#pragma once

#include <cstdint>
#include <ostream>

#include "common/request.h"
#include "workloads/trace_format.h"

namespace mckit::workloads {

class TraceWriter {
 public:
  // Writes mckit's header at once; the peers' formats have none.
  TraceWriter(std::ostream& out, TraceFormat format, int burst_bytes);

  // One line. Requests carry no time: where a format needs a cycle (dramsim3, dramsys) the
  // request's number (0, 1, 2, ...) stands in, one request a cycle in the order given. Only
  // mckit's format keeps stream ids and byte masks; a partial write in any other format
  // throws InputError rather than write a full one.
  void write(const Request& r);

  std::uint64_t written() const { return written_; }

 private:
  std::ostream& out_;
  TraceFormat format_;
  int burst_bytes_;
  std::uint64_t full_mask_;
  std::uint64_t written_ = 0;
};

}  // namespace mckit::workloads
