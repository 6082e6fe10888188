// The trace formats mckit reads and writes (docs/traces.md): its own, and those of the peer
// simulators Ramulator 2.0, DRAMsim3 and DRAMSys, so their users' traces run unchanged.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mckit::workloads {

enum class TraceFormat { Ramulator2, Dramsim3, Dramsys, Mckit };

const std::vector<std::string>& trace_format_names();     // ramulator2, dramsim3, dramsys, mckit
TraceFormat parse_trace_format(const std::string& name);  // throws InputError naming the choices
std::string name_of(TraceFormat f);

// The format of a trace whose first meaningful line (not blank, not a # comment) is
// `first_line`, or none. The rules look at the first word only and exclude one another, so no
// line fits two formats: `mckit-trace` (mckit's header), LD or ST (ramulator2), a decimal
// cycle and its colon such as `31:` (dramsys), a hex number (dramsim3's address).
std::optional<TraceFormat> detect_trace_format(std::string_view first_line);

}  // namespace mckit::workloads
