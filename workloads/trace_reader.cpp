#include "workloads/trace_reader.h"

#include <cerrno>
#include <cstring>

#include "common/hex_text.h"
#include "common/input_error.h"
#include "workloads/microbench.h"
#include "workloads/trace_parse.h"

namespace mckit::workloads {

TraceReader::TraceReader(const std::string& path, std::optional<TraceFormat> format,
                         int burst_bytes, std::uint64_t capacity)
    : path_(path), burst_bytes_(burst_bytes), capacity_(capacity) {
  errno = 0;
  in_.open(path);
  if (!in_)
    throw InputError(path +
                     ": cannot open trace: " + (errno ? std::strerror(errno) : "open failed"));
  if (!read_meaningful_line()) throw InputError(path + ": the trace has no requests");
  if (format) {
    format_ = *format;
  } else if (const auto detected = detect_trace_format(line_)) {
    format_ = *detected;
  } else {
    fail_here("cannot tell the trace's format from '" + line_ +
              "': expected 'LD|ST ADDRESS' (ramulator2), 'ADDRESS READ|WRITE CYCLE' (dramsim3), "
              "'CYCLE: read|write ADDRESS' (dramsys) or the header 'mckit-trace v1' (mckit), "
              "or give --trace-format");
  }
  if (format_ == TraceFormat::Mckit) {
    try {
      check_mckit_header(line_);
    } catch (const TraceSyntaxError& e) {
      fail_here(e.what());
    }
    if (!read_meaningful_line()) throw InputError(path + ": the trace has no requests");
  }
  line_pending_ = true;
}

bool TraceReader::read_meaningful_line() {
  while (std::getline(in_, line_)) {
    ++line_number_;
    if (!line_.empty() && line_.back() == '\r') line_.pop_back();  // written on Windows
    const std::size_t first = line_.find_first_not_of(" \t");
    if (first != std::string::npos && line_[first] != '#') return true;
  }
  if (in_.bad()) throw InputError(path_ + ": cannot read trace: " + std::strerror(errno));
  return false;
}

void TraceReader::fail_here(const std::string& what) const {
  throw InputError(path_ + ":" + std::to_string(line_number_) + ": " + what);
}

bool TraceReader::next(Request& out) {
  if (!line_pending_ && !read_meaningful_line()) return false;
  line_pending_ = false;
  out = Request{};
  bool has_data = false;
  try {
    has_data = parse_trace_line(format_, line_, burst_bytes_, out);
  } catch (const TraceSyntaxError& e) {
    fail_here(e.what());
  }
  if (out.addr >= capacity_)
    fail_here("expected an address below the memory's capacity of " + std::to_string(capacity_) +
              " bytes (" + hex_text(capacity_) + "), got " + hex_text(out.addr));
  out.addr -= out.addr % std::uint64_t(burst_bytes_);
  if (out.write && !has_data) fill_pattern(out, 0, requests_, burst_bytes_);
  ++requests_;
  return true;
}

}  // namespace mckit::workloads
