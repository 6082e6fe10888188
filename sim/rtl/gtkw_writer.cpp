#include "rtl/gtkw_writer.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <string>

#include "rtl/mc_top_cfg_waves.h"

namespace mckit::sim {

namespace {

// The harness names the Verilated model "mc_top"; Verilator puts the module under it.
constexpr const char* kDesignScope = "mc_top.mc_top.";

// GTKWave trace flags (its TR_* bits, in hex): right-justified names, with the value shown
// as bits, hex, decimal, or by enum name (TR_ENUM, which GTKWave pairs with TR_BIN).
constexpr const char* kFlagBit = "@28";
constexpr const char* kFlagHex = "@22";
constexpr const char* kFlagDec = "@24";
constexpr const char* kFlagEnum = "@100000028";
constexpr const char* kGroupOpen = "@800200";
constexpr const char* kGroupClose = "@1000200";

// The saved window: the signal tree, the names and the waves side by side. GTK gives the tree
// about 280 pixels whatever its saved width; the waves pane is what is left less borders and
// the scroll bar, rounded down so that the fit errs towards a margin.
constexpr int kWindowWidth = 1600, kWindowHeight = 1000;
constexpr int kTreeWidth = 280, kNamesWidth = 320;
constexpr int kWavePixels = kWindowWidth - kTreeWidth - kNamesWidth - 60;

const char* flag_for(const DumpVar& var, const GtkwSignal& s, bool enum_names) {
  if (var.enumerated) return enum_names ? kFlagEnum : kFlagDec;  // the package's values
  if (var.bits == 1 && s.msb < 0) return kFlagBit;
  return s.radix == Radix::Dec ? kFlagDec : kFlagHex;
}

// "u_timing.open_q[63:0]" -> "u_timing/open_q[63:0]": GTKWave shows only the last part of a
// dotted name, under which two blocks' signals of one name look alike. Empty for mc_top's own.
std::string scoped_label(const DumpVar& var) {
  std::string label = var.name.substr(std::string(kDesignScope).size());
  if (label.find('.') == std::string::npos) return "";
  for (char& ch : label)
    if (ch == '.') ch = '/';
  return label;
}

// The trace line: the signal, under a label if it has one, or bits msb..lsb of it combined
// into a vector (GTKWave counts a bit's position from the vector's msb).
std::string trace_line(const GtkwSignal& s, const DumpVar& var) {
  if (s.msb >= 0) {
    std::string line = std::string("#{") + s.label + "}";
    for (int bit = s.msb; bit >= s.lsb; --bit)
      line += " (" + std::to_string(int(var.bits) - 1 - bit) + ")" + var.name;
    return line;
  }
  const std::string label = s.label ? s.label : scoped_label(var);
  return label.empty() ? var.name : "+{" + label + "} " + var.name;
}

// The configuration ports the field declaration marks for the waves.
GtkwGroup configuration_group() {
  GtkwGroup group{"Configuration", {}};
  for (const char* port : kCfgWavePorts) group.signals.push_back({port});
  return group;
}

}  // namespace

std::vector<GtkwGroup> gtkw_groups(const GtkwView& view) {
  constexpr Radix kDec = Radix::Dec;
  std::vector<GtkwGroup> groups = {
      {"Clock and cycle", {{"clk_i"}, {"now_q", kDec, "cycle (now_q)"}}},
      configuration_group(),
      {"Front end",
       {{"req_valid_i"}, {"req_ready_o"}, {"req_write_i"}, {"req_addr_i"}, {"req_id_i", kDec},
        {"req_stream_i", kDec}, {"fe_valid_q"}, {"req_fwd_o"}, {"req_fwd_read_id_o", kDec},
        {"req_fwd_id_o", kDec}, {"rsp_valid_o"}, {"rsp_ready_i"}, {"rsp_id_o", kDec},
        {"rsp_forwarded_o"}}},
      {"Queues",
       {{"rq_count_o", kDec}, {"wq_count_o", kDec}, {"u_read_queue.valid_q"},
        {"u_write_queue.valid_q"}, {"draining_o"}}},
      {"Scheduler decision",
       {{"u_scheduler.cmd_o"}, {"sched_from_wq"}, {"u_scheduler.serve_wq"}, {"sched_idx", kDec},
        {"sched_bank", kDec}}},
      {"Banks: open and open row",
       {{"u_timing.open_q"}, {"u_timing.lookup_bank_i", kDec}, {"u_timing.lookup_row_o", kDec},
        {"u_timing.row_q[0]", kDec}, {"u_timing.row_q[1]", kDec}, {"u_timing.row_q[2]", kDec},
        {"u_timing.row_q[3]", kDec}}},
      {"Command bus",
       {{"dfi_cmd_o"}, {"dfi_rank_o", kDec}, {"dfi_bg_o", kDec}, {"dfi_bank_o", kDec},
        {"dfi_row_o", kDec}, {"dfi_col_o", kDec}, {"dfi_id_o", kDec}, {"dfi_prefetch_o"},
        {"dfi_row_class_o"}, {"dfi_rddata_valid_i"}}},
      {"Refresh",
       {{"ref_pending_o", kDec, "refresh owed, rank 0", 7, 0}, {"u_refresh.active_q"}}},
  };
  if (view.ranks > 1)
    groups.back().signals.insert(groups.back().signals.begin() + 1,
                                 {"ref_pending_o", kDec, "refresh owed, rank 1", 15, 8});
  if (view.prefetcher)
    groups.push_back(
        {"Prefetcher",
         {// The head candidate, and whether it is dropped or issued (ACT or RD to its slot).
          {"u_prefetch.valid_o"}, {"u_prefetch.addr_o"}, {"u_prefetch.bank_o", kDec},
          {"u_prefetch.drop"}, {"u_prefetch.credit_q", kDec}, {"u_prefetch.cmd_o"},
          {"u_prefetch.slot_o", kDec},
          // Demand reads looking in the buffer: hit, or late (waiting for the fill).
          {"u_prefetch.lookup_i"}, {"u_prefetch.hit_o"}, {"u_prefetch.merge_o"},
          {"u_prefetch.hit_slot_o", kDec}, {"u_prefetch.answer_o"},
          {"u_prefetch.answer_id_o", kDec}, {"rsp_prefetched_o"},
          {"pf_issued_o", kDec}, {"pf_useful_o", kDec}, {"pf_late_o", kDec},
          {"pf_evicted_unused_o", kDec}}});
  return groups;
}

std::string gtkw_path_for(const std::string& waves_path) {
  return std::filesystem::path(waves_path).replace_extension(".gtkw").string();
}

double gtkw_fit_zoom(std::uint64_t start_time, std::uint64_t end_time) {
  // GTKWave's own "zoom best fit", for the saved window; never closer than its zoom 0.
  const double units = double(end_time - start_time + 1);
  return std::min(0.0, -std::log2(units * 200.0 / (kWavePixels - 4)));
}

int write_gtkw(std::ostream& out, const std::string& dump_path, const FstContents& dump,
               const GtkwView& view) {
  out << "[*] mckit: mc_top's waves. Time in ps, one cycle = tCK = " << view.tck_ps << " ps: cycle c\n"
      << "[*] starts at c x tCK with the clock's rising edge; its inputs change at the falling edge.\n"
      << "[dumpfile] \"" << std::filesystem::absolute(dump_path).string() << "\"\n"
      << "[timestart] " << dump.start_time << "\n"
      << "[size] " << kWindowWidth << ' ' << kWindowHeight << "\n"
      << "[sst_width] " << kTreeWidth << "\n"
      << "[signals_width] " << kNamesWidth << "\n"
      << "[sst_expanded] 1\n"
      << "[treeopen] mc_top.\n"
      << "[treeopen] mc_top.mc_top.\n"
      << '*' << std::to_string(gtkw_fit_zoom(dump.start_time, dump.end_time)) << " -1\n";
  int listed = 0;
  for (const GtkwGroup& g : gtkw_groups(view)) {
    std::string traces;
    for (const GtkwSignal& s : g.signals) {
      const auto it = dump.vars.find(std::string(kDesignScope) + s.path);
      if (it == dump.vars.end()) continue;
      traces += std::string(flag_for(it->second, s, view.enum_names)) + "\n" +
                trace_line(s, it->second) + "\n";
      ++listed;
    }
    if (traces.empty()) continue;
    out << kGroupOpen << "\n-" << g.name << "\n" << traces << kGroupClose << "\n-" << g.name << "\n";
  }
  return listed;
}

}  // namespace mckit::sim
