#include "workloads/trace_format.h"

#include <algorithm>
#include <cstdint>

#include "common/input_error.h"
#include "common/quoted_text.h"
#include "workloads/trace_tokens.h"

namespace mckit::workloads {

namespace {

bool is_number(std::string_view word) {
  std::uint64_t ignored = 0;
  return parse_hex_or_decimal(word, ignored);
}

// Ramulator's CPU traces, for its core model: `BUBBLES ADDRESS ...`, a decimal count of
// non-memory instructions, then an address (decimal or 0x hex). What follows differs: a
// write-back address (Ramulator's filtered traces, Ramulator 2.0's SimpleO3 traces) or R|W
// (Ramulator's unfiltered traces).
bool is_cpu_trace_line(std::string_view line) {
  Tokens t(line);
  std::uint64_t bubbles = 0;
  return parse_decimal(t.next(), bubbles) && is_number(t.next());
}

// Ramulator 2.0's ReadWriteTrace: `R|W` and a DRAM address vector of decimal numbers split by
// commas, such as `R 0,1,2,100,32`.
bool is_address_vector_line(std::string_view line) {
  Tokens t(line);
  const std::string_view op = t.next();
  const std::string_view vector = t.next();
  if ((op != "R" && op != "W") || vector.find(',') == std::string_view::npos) return false;
  std::uint64_t level = 0;
  for (std::size_t start = 0; start <= vector.size();) {
    const std::size_t comma = std::min(vector.find(',', start), vector.size());
    if (!parse_decimal(vector.substr(start, comma - start), level)) return false;
    start = comma + 1;
  }
  return true;
}

}  // namespace

const std::vector<std::string>& trace_format_names() {
  static const std::vector<std::string> names{"ramulator", "ramulator2", "dramsim3", "dramsys",
                                              "mckit"};
  return names;
}

TraceFormat parse_trace_format(const std::string& name) {
  const auto& names = trace_format_names();
  std::string choices;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return TraceFormat(i);
    choices += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
  }
  throw InputError("unknown trace format " + quoted_excerpt(name) + " (expected " + choices +
                   ")");
}

std::string name_of(TraceFormat f) { return trace_format_names()[std::size_t(f)]; }

std::optional<TraceFormat> detect_trace_format(std::string_view first_line) {
  Tokens t(first_line);
  const std::string_view word = t.next();
  std::uint64_t number = 0;
  if (word == "mckit-trace") return TraceFormat::Mckit;
  if (word == "LD" || word == "ST") return TraceFormat::Ramulator2;
  if (word.size() > 1 && word.back() == ':' &&
      parse_decimal(word.substr(0, word.size() - 1), number))
    return TraceFormat::Dramsys;
  if (!parse_hex(word, number)) return std::nullopt;
  const std::string_view second = t.next();
  if (second.empty() || second == "R" || second == "W") return TraceFormat::Ramulator;
  if (is_number(second)) return std::nullopt;
  return TraceFormat::Dramsim3;
}

std::string refused_trace_kind(std::string_view first_line) {
  if (detect_trace_format(first_line)) return "";
  if (is_cpu_trace_line(first_line))
    return quoted_excerpt(first_line) +
           " is a line of a Ramulator CPU trace ('BUBBLES ADDRESS [WRITEBACK-ADDRESS|R|W]': "
           "instructions between memory accesses, for Ramulator's core model), not a "
           "memory-request trace: mckit plays the requests that reach the memory, such as "
           "Ramulator's DRAM trace 'ADDRESS R|W'";
  if (is_address_vector_line(first_line))
    return quoted_excerpt(first_line) +
           " is a line of a Ramulator 2.0 ReadWriteTrace ('R|W' and a DRAM address vector, "
           "whose levels depend on Ramulator's device organization), not a byte-address "
           "trace: mckit plays byte addresses, such as Ramulator 2.0's LoadStoreTrace "
           "'LD|ST ADDRESS'";
  return "";
}

}  // namespace mckit::workloads
