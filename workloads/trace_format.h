// The trace formats mckit reads and writes (docs/traces.md): its own, and those of the peer
// simulators Ramulator, Ramulator 2.0, DRAMsim3 and DRAMSys, so their users' traces run
// unchanged.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mckit::workloads {

enum class TraceFormat { Ramulator, Ramulator2, Dramsim3, Dramsys, Mckit };

// ramulator, ramulator2, dramsim3, dramsys, mckit
const std::vector<std::string>& trace_format_names();
TraceFormat parse_trace_format(const std::string& name);  // throws InputError naming the choices
std::string name_of(TraceFormat f);

// The format of a trace whose first meaningful line (not blank, not a # comment) is
// `first_line`, or none. The rules exclude one another, so no line fits two formats: the
// first word `mckit-trace` (mckit's header), LD or ST (ramulator2), a decimal cycle and its
// colon such as `31:` (dramsys), or a hex number; after a hex number the second word decides:
// R, W or nothing (ramulator), a number (a CPU trace: see refused_trace_kind), anything else
// (dramsim3).
std::optional<TraceFormat> detect_trace_format(std::string_view first_line);

// Why a trace whose first meaningful line is `first_line` cannot be played, when it is a trace
// of a kind mckit knows but does not play (Ramulator's CPU traces, Ramulator 2.0's address
// vector traces); empty otherwise. Only lines detect_trace_format finds no format for are
// refused.
std::string refused_trace_kind(std::string_view first_line);

}  // namespace mckit::workloads
