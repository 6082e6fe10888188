#include "rtl/wave_dump.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "common/input_error.h"
#include "rtl/fst_contents.h"
#include "rtl/fst_to_vcd.h"
#include "verilated_fst_c.h"

namespace mckit::sim {

namespace {

constexpr const char* kWhat = "waves file";

bool is_vcd(const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext != ".fst" && ext != ".vcd")
    throw InputError("waves file '" + path + "' must end in .fst or .vcd");
  return ext == ".vcd";
}

[[noreturn]] void fail(const std::string& path, const std::string& reason) {
  throw InputError(std::string("cannot write ") + kWhat + " '" + path + "': " + reason);
}

}  // namespace

WaveDump::WaveDump(const WaveOptions& options, double tck_ps, const GtkwView& view)
    : options_(options),
      timebase_(tck_ps),
      view_(view),
      vcd_(is_vcd(options.path)),
      fst_(vcd_ ? options.path + ".fst" : options.path, kWhat),
      gtkw_(gtkw_path_for(options.path), "GTKWave save file"),
      trace_(std::make_unique<VerilatedFstC>()) {
  if (vcd_) vcd_file_.emplace(options.path, kWhat);
  view_.tck_ps = tck_ps;
  view_.enum_names = !vcd_;  // VCD has no enum tables
  // Dump times are picoseconds (WaveTimebase).
  trace_->set_time_unit("1ps");
  trace_->set_time_resolution("1ps");
}

WaveDump::~WaveDump() {
  if (trace_->isOpen()) trace_->close();
}

void WaveDump::open() {
  trace_->open(fst_.write_path().c_str());
  if (!trace_->isOpen()) fail(options_.path, "the FST writer could not open it");
}

bool WaveDump::in_window(std::uint64_t cycle) const {
  return cycle >= options_.start && cycle < options_.end;
}

void WaveDump::dump(std::uint64_t time) {
  trace_->dump(time);
  last_time_ = time;
}

void WaveDump::falling_edge(std::uint64_t cycle) {
  if (in_window(cycle)) dump(timebase_.falling_edge(cycle));
}

void WaveDump::rising_edge_after(std::uint64_t cycle) {
  if (in_window(cycle)) dump(timebase_.rising_edge(cycle + 1));
}

void WaveDump::finish() {
  trace_->close();
  // The FST writer does not report write errors: what it wrote must read back, to its end.
  const std::optional<FstContents> dump = read_fst_contents(fst_.write_path());
  if (!dump || (last_time_ && dump->end_time != *last_time_))
    fail(options_.path, "what was written does not read back whole");
  if (vcd_) write_vcd();
  write_gtkw(gtkw_.stream(), options_.path, *dump, view_);
  gtkw_.commit();
  (vcd_ ? *vcd_file_ : fst_).commit();
}

void WaveDump::write_vcd() {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(
      std::fopen(vcd_file_->write_path().c_str(), "wb"), std::fclose);
  if (!file) fail(options_.path, std::strerror(errno));
  write_vcd_from_fst(fst_.write_path(), file.get());
  const bool written = std::fflush(file.get()) == 0 && !std::ferror(file.get());
  const int error = errno;
  if (std::fclose(file.release()) != 0 && written) fail(options_.path, std::strerror(errno));
  if (!written) fail(options_.path, std::strerror(error ? error : EIO));
}

}  // namespace mckit::sim
