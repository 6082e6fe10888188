#include "workloads/trace_format.h"

#include <cstdint>

#include "common/input_error.h"
#include "workloads/trace_tokens.h"

namespace mckit::workloads {

const std::vector<std::string>& trace_format_names() {
  static const std::vector<std::string> names{"ramulator2", "dramsim3", "dramsys", "mckit"};
  return names;
}

TraceFormat parse_trace_format(const std::string& name) {
  const auto& names = trace_format_names();
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return TraceFormat(i);
  throw InputError("unknown trace format '" + name +
                   "' (expected ramulator2, dramsim3, dramsys or mckit)");
}

std::string name_of(TraceFormat f) { return trace_format_names()[std::size_t(f)]; }

std::optional<TraceFormat> detect_trace_format(std::string_view first_line) {
  const std::string_view word = Tokens(first_line).next();
  std::uint64_t number = 0;
  if (word == "mckit-trace") return TraceFormat::Mckit;
  if (word == "LD" || word == "ST") return TraceFormat::Ramulator2;
  if (word.size() > 1 && word.back() == ':' &&
      parse_decimal(word.substr(0, word.size() - 1), number))
    return TraceFormat::Dramsys;
  if (parse_hex(word, number)) return TraceFormat::Dramsim3;
  return std::nullopt;
}

}  // namespace mckit::workloads
