// A GTKWave save file (.gtkw) for the RTL waves: opens the dump with mc_top's signals in
// groups (front end, queues, scheduler, banks, command bus, refresh), so that
// `gtkwave out.fst out.gtkw` shows them at once.
#pragma once

#include <string>
#include <vector>

namespace mckit::sim {

// One group of the save file; signals are named below mc_top ("u_timing.open_q"), without
// their bit range.
struct GtkwGroup {
  const char* name;
  std::vector<const char*> signals;
};

// The groups, in display order.
const std::vector<GtkwGroup>& gtkw_groups();

// out.fst -> out.gtkw (same directory and stem).
std::string gtkw_path_for(const std::string& waves_path);

// Reads the hierarchy of the FST at `fst_path` and writes `gtkw_path`, which opens
// `dump_path` (made absolute) and lists each signal of gtkw_groups() that the dump holds,
// under its real name with bit range; a signal the dump lacks is left out, a group left
// empty is dropped. Returns the number of signals listed. Throws InputError if either file
// cannot be opened.
int write_gtkw(const std::string& fst_path, const std::string& dump_path,
               const std::string& gtkw_path);

}  // namespace mckit::sim
