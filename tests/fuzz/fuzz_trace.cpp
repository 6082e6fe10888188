// Fuzz target: a trace read to its end as `mckit run --workload trace:FILE` reads it, in the
// format MCKIT_FUZZ_TRACE_FORMAT names (ramulator, ramulator2, dramsim3, dramsys, mckit), or
// with the format detected when it is empty. Bursts and capacity are DDR4-3200's.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "fuzz/fuzz_input.h"
#include "workloads/trace_format.h"
#include "workloads/trace_reader.h"

#ifndef MCKIT_FUZZ_TRACE_FORMAT
#error "MCKIT_FUZZ_TRACE_FORMAT must name a trace format, or be empty for detection"
#endif

namespace {

std::optional<mckit::workloads::TraceFormat> fuzzed_format() {
  const std::string name = MCKIT_FUZZ_TRACE_FORMAT;
  if (name.empty()) return std::nullopt;
  return mckit::workloads::parse_trace_format(name);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::optional<mckit::workloads::TraceFormat> format = fuzzed_format();
  constexpr int kBurstBytes = 64;
  constexpr std::uint64_t kCapacity = std::uint64_t(8) << 30;
  const std::string path = mckit::fuzz::input_file(data, size);
  mckit::fuzz::accept_input_errors([&] {
    mckit::workloads::TraceReader reader(path, format, kBurstBytes, kCapacity);
    mckit::Request request;
    while (reader.next(request)) {
    }
  });
  return 0;
}
