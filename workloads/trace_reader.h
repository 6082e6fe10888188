// Reads a trace line by line into requests, once, front to back, holding one line at a time:
// memory does not grow with the trace's length, and a pipe or FIFO plays as well as a file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/input_file.h"
#include "common/line_reader.h"
#include "common/request.h"
#include "workloads/request_source.h"
#include "workloads/trace_format.h"

namespace mckit::workloads {

class TraceReader : public RequestSource {
 public:
  // Opens `path` (gzip-compressed or not) and reads up to its first request. Without `format`
  // the format is detected from the first line that is not blank or a # comment. Every
  // request moves one burst of `burst_bytes`; addresses must lie below `capacity`. Throws
  // InputError for a file that cannot be read, has no requests, or whose format cannot be
  // told or is one mckit does not play.
  TraceReader(const std::string& path, std::optional<TraceFormat> format, int burst_bytes,
              std::uint64_t capacity);

  TraceFormat format() const { return format_; }
  const InputFile& input() const { return input_; }

  // The next request, its address aligned down to the burst; false at the end of the file.
  // A write the trace gives no data for carries the pattern of its request number (as
  // fill_pattern with seed 0), so every read can be checked. A malformed or overlong line,
  // or an address at or beyond the capacity, throws InputError("FILE:LINE: what was
  // expected").
  bool next(Request& out) override;

 private:
  bool read_meaningful_line();  // into lines_.line(); false at the end of the file
  [[noreturn]] void fail_unknown_format() const;

  InputFile input_;
  LineReader lines_;
  TraceFormat format_ = TraceFormat::Mckit;
  int burst_bytes_;
  std::uint64_t capacity_;
  bool line_pending_ = false;  // lines_ holds a request not yet returned
  std::uint64_t requests_ = 0;
};

}  // namespace mckit::workloads
