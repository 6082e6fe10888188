// One line of each trace format parsed into a request; the syntax is in docs/traces.md.
// Addresses come back as written: aligning them and checking them against the memory's
// capacity is the reader's job, as is skipping blank and comment lines.
#pragma once

#include <stdexcept>
#include <string_view>

#include "common/request.h"
#include "workloads/trace_format.h"

namespace mckit::workloads {

// What the line should have held, without the file and line number, which the reader adds.
class TraceSyntaxError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// mckit's header line; throws TraceSyntaxError unless `line` is `mckit-trace v1`.
void check_mckit_header(std::string_view line);

// Parses a request line written in `format` into `out`, which must start as a default
// Request. Returns whether the line carried the write's data (only DRAMSys lines can).
// `burst_bytes` is the size of a request: DRAMSys's lengths and data must match it and
// mckit's byte masks must fit in it. Throws TraceSyntaxError.
bool parse_trace_line(TraceFormat format, std::string_view line, int burst_bytes, Request& out);

}  // namespace mckit::workloads
