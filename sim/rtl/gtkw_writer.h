// A GTKWave save file (.gtkw) for the RTL waves: opens the dump with mc_top's signals in
// groups (clock and cycle, configuration, front end, queues, scheduler, banks, command bus,
// refresh, and the prefetcher when it is on), zoomed to show the whole dump, so that
// `gtkwave out.fst out.gtkw` shows them at once. Encodings (commands, row classes, policies)
// show by name, counts, ids and bank coordinates in decimal, addresses and bit maps in hex;
// a signal of a sub-block shows as "u_block/name", so that two blocks' `valid_q` differ.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "rtl/fst_contents.h"

namespace mckit::sim {

enum class Radix { Hex, Dec };

// One trace of the save file. One-bit signals show as bits, signals the dump gives enum names
// by name (when the dump format carries them), others in `radix`.
struct GtkwSignal {
  const char* path;             // below mc_top's scope, without bit range: "u_timing.open_q"
  Radix radix = Radix::Hex;
  const char* label = nullptr;  // shown instead of the name
  int msb = -1, lsb = -1;       // a slice of a vector [bits-1:0] (then with a label)
};

struct GtkwGroup {
  std::string name;
  std::vector<GtkwSignal> signals;
};

// What the view shows beyond the common groups.
struct GtkwView {
  double tck_ps = 0;        // one cycle of the dump's time axis, for the save file's comment
  bool enum_names = true;   // the dump format carries enum tables (FST does, VCD does not)
  bool prefetcher = false;  // the prefetcher's group
  int ranks = 1;            // refresh owed, one count a rank
};

// The groups, in display order.
std::vector<GtkwGroup> gtkw_groups(const GtkwView& view);

// out.fst -> out.gtkw (same directory and stem).
std::string gtkw_path_for(const std::string& waves_path);

// The GTKWave zoom (a power of two: 2^-zoom / 200 time units a pixel) that shows the dump's
// time span across the waves pane of the saved window.
double gtkw_fit_zoom(std::uint64_t start_time, std::uint64_t end_time);

// Writes the save file that opens `dump_path` (made absolute) and lists each signal of
// gtkw_groups(view) that `dump` holds, under its real name with bit range; a signal the dump
// lacks is left out, a group left empty is dropped. Returns the number of signals listed.
int write_gtkw(std::ostream& out, const std::string& dump_path, const FstContents& dump,
               const GtkwView& view);

}  // namespace mckit::sim
