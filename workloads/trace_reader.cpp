#include "workloads/trace_reader.h"

#include "common/hex_text.h"
#include "common/input_error.h"
#include "common/quoted_text.h"
#include "workloads/microbench.h"
#include "workloads/trace_parse.h"

namespace mckit::workloads {

TraceReader::TraceReader(const std::string& path, std::optional<TraceFormat> format,
                         int burst_bytes, std::uint64_t capacity)
    : input_(path, "trace"), lines_(input_, path), burst_bytes_(burst_bytes), capacity_(capacity) {
  if (!read_meaningful_line()) throw InputError(path + ": the trace has no requests");
  if (format) {
    format_ = *format;
  } else if (const auto detected = detect_trace_format(lines_.line())) {
    format_ = *detected;
  } else {
    fail_unknown_format();
  }
  if (format_ == TraceFormat::Mckit) {
    try {
      check_mckit_header(lines_.line());
    } catch (const TraceSyntaxError& e) {
      lines_.fail(e.what());
    }
    if (!read_meaningful_line()) throw InputError(path + ": the trace has no requests");
  }
  line_pending_ = true;
}

void TraceReader::fail_unknown_format() const {
  const std::string refused = refused_trace_kind(lines_.line());
  if (!refused.empty()) lines_.fail(refused);
  lines_.fail("cannot tell the trace's format from " + quoted_excerpt(lines_.line()) +
              ": expected 'ADDRESS R|W' (ramulator), 'LD|ST ADDRESS' (ramulator2), "
              "'ADDRESS READ|WRITE CYCLE' (dramsim3), 'CYCLE: read|write ADDRESS' (dramsys) or "
              "the header 'mckit-trace v1' (mckit), or give --trace-format");
}

bool TraceReader::read_meaningful_line() {
  while (lines_.next()) {
    const std::string_view line = lines_.line();
    const std::size_t first = line.find_first_not_of(" \t");
    if (first != std::string_view::npos && line[first] != '#') return true;
  }
  return false;
}

bool TraceReader::next(Request& out) {
  if (!line_pending_ && !read_meaningful_line()) return false;
  line_pending_ = false;
  out = Request{};
  bool has_data = false;
  try {
    has_data = parse_trace_line(format_, lines_.line(), burst_bytes_, out);
  } catch (const TraceSyntaxError& e) {
    lines_.fail(e.what());
  }
  if (out.addr >= capacity_)
    lines_.fail("expected an address below the memory's capacity of " +
                std::to_string(capacity_) + " bytes (" + hex_text(capacity_) + "), got " +
                hex_text(out.addr));
  out.addr -= out.addr % std::uint64_t(burst_bytes_);
  if (out.write && !has_data) fill_pattern(out, 0, requests_, burst_bytes_);
  ++requests_;
  return true;
}

}  // namespace mckit::workloads
