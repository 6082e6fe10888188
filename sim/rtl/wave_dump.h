// The RTL's waves: mc_top's signals dumped as FST on a real-time axis (WaveTimebase), with a
// GTKWave save file beside them. The dump is written to a temporary beside its target and
// converted to VCD there for a .vcd target (in-process: no program needed); the dump and the
// save file are renamed into place only once both are whole, so a failed run leaves neither.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "common/output_file.h"
#include "rtl/gtkw_writer.h"
#include "rtl/wave_timebase.h"

class VerilatedFstC;

namespace mckit::sim {

struct WaveOptions {
  std::string path;               // .fst, or .vcd
  std::uint64_t start = 0;        // first cycle dumped
  std::uint64_t end = UINT64_MAX; // first cycle not dumped
};

class WaveDump {
 public:
  // `view` says which groups the save file shows (its tCK and enum names are set here). Opens
  // the outputs at once, so that a bad path fails before the run: throws InputError for a path
  // that does not end in .fst or .vcd, or that cannot be written.
  WaveDump(const WaveOptions& options, double tck_ps, const GtkwView& view);
  ~WaveDump();
  WaveDump(const WaveDump&) = delete;
  WaveDump& operator=(const WaveDump&) = delete;

  // The model registers its signals with tracer() (Vmc_top::trace), then open() starts the file.
  VerilatedFstC& tracer() { return *trace_; }
  void open();

  // Dumps the model's values after the clock fell in `cycle`, and after it rose at its end;
  // cycles outside the window are not dumped.
  void falling_edge(std::uint64_t cycle);
  void rising_edge_after(std::uint64_t cycle);

  // Closes the dump, writes the VCD (for a .vcd) and the save file, and renames them into
  // place. Throws InputError naming the file that could not be written.
  void finish();

 private:
  bool in_window(std::uint64_t cycle) const;
  void dump(std::uint64_t time);
  void write_vcd();

  const WaveOptions options_;
  const WaveTimebase timebase_;
  GtkwView view_;
  const bool vcd_;
  // The FST: the target's temporary for a .fst; for a .vcd, a temporary never committed.
  OutputFile fst_;
  std::optional<OutputFile> vcd_file_;
  OutputFile gtkw_;
  std::unique_ptr<VerilatedFstC> trace_;
  std::optional<std::uint64_t> last_time_;  // of the last dump
};

}  // namespace mckit::sim
