#include "rtl/gtkw_writer.h"

#include <filesystem>
#include <fstream>
#include <unordered_map>

#include "common/input_error.h"
#include "gtkwave/fstapi.h"

namespace mckit::sim {

namespace {

// The harness names the Verilated model "mc_top"; Verilator puts the module under it.
constexpr const char* kDesignScope = "mc_top.mc_top.";

// GTKWave trace flags: 1-bit signals as binary, vectors as hex.
constexpr const char* kFlagBit = "@28";
constexpr const char* kFlagHex = "@22";
constexpr const char* kGroupOpen = "@800200";
constexpr const char* kGroupClose = "@1000200";

struct DumpVar {
  std::string name;  // as GTKWave names it: "mc_top.mc_top.dfi_cmd_o[3:0]"
  unsigned bits;
};

// Every variable of the FST, by its full name without the bit range.
std::unordered_map<std::string, DumpVar> read_hierarchy(const std::string& fst_path) {
  void* fst = fstReaderOpen(fst_path.c_str());
  if (!fst) throw InputError("cannot read waves file '" + fst_path + "'");
  std::unordered_map<std::string, DumpVar> vars;
  std::vector<std::string> scopes;
  while (const fstHier* h = fstReaderIterateHier(fst)) {
    if (h->htyp == FST_HT_SCOPE) {
      scopes.emplace_back(h->u.scope.name, h->u.scope.name_length);
    } else if (h->htyp == FST_HT_UPSCOPE) {
      if (!scopes.empty()) scopes.pop_back();
    } else if (h->htyp == FST_HT_VAR) {
      std::string path;
      for (const std::string& s : scopes) path += s + ".";
      // Verilator names vectors "sig [7:0]" and array elements "mem[3] [7:0]";
      // GTKWave shows them as "sig[7:0]" and "mem[3][7:0]".
      const std::string raw(h->u.var.name, h->u.var.name_length);
      const std::string key = path + raw.substr(0, raw.find(' '));
      std::string shown = path;
      for (char ch : raw)
        if (ch != ' ') shown += ch;
      // ... and a one-bit range "sig [0:0]" as "sig[0]".
      const std::size_t open = shown.rfind('['), colon = shown.rfind(':');
      if (open != std::string::npos && colon != std::string::npos && colon > open &&
          shown.compare(open + 1, colon - open - 1, shown, colon + 1,
                        shown.size() - colon - 2) == 0)
        shown.erase(colon, shown.size() - colon - 1);
      vars.emplace(key, DumpVar{shown, h->u.var.length});
    }
  }
  fstReaderClose(fst);
  return vars;
}

}  // namespace

const std::vector<GtkwGroup>& gtkw_groups() {
  static const std::vector<GtkwGroup> groups = {
      {"Front end",
       {"req_valid_i", "req_ready_o", "req_write_i", "req_addr_i", "req_id_i", "req_stream_i",
        "fe_valid_q", "req_fwd_o", "req_fwd_id_o", "req_fwd_read_id_o", "rsp_valid_o",
        "rsp_ready_i", "rsp_id_o", "rsp_forwarded_o"}},
      {"Queues",
       {"rq_count_o", "wq_count_o", "u_read_queue.valid_q", "u_write_queue.valid_q",
        "draining_o"}},
      {"Scheduler decision",
       {"u_scheduler.cmd_o", "sched_from_wq", "u_scheduler.serve_wq", "sched_idx",
        "sched_bank"}},
      {"Banks: open and open row",
       {"u_timing.open_q", "u_timing.lookup_bank_i", "u_timing.lookup_row_o",
        "u_timing.row_q[0]", "u_timing.row_q[1]", "u_timing.row_q[2]", "u_timing.row_q[3]"}},
      {"Command bus",
       {"dfi_cmd_o", "dfi_rank_o", "dfi_bg_o", "dfi_bank_o", "dfi_row_o", "dfi_col_o",
        "dfi_id_o", "dfi_row_class_o", "dfi_rddata_valid_i"}},
      {"Refresh", {"ref_pending_o", "u_refresh.active_q"}},
  };
  return groups;
}

std::string gtkw_path_for(const std::string& waves_path) {
  return std::filesystem::path(waves_path).replace_extension(".gtkw").string();
}

int write_gtkw(const std::string& fst_path, const std::string& dump_path,
               const std::string& gtkw_path) {
  const auto vars = read_hierarchy(fst_path);
  std::ofstream out(gtkw_path);
  if (!out) throw InputError("cannot write GTKWave save file '" + gtkw_path + "'");
  out << "[dumpfile] \"" << std::filesystem::absolute(dump_path).string() << "\"\n"
      << "[timestart] 0\n"
      << "[size] 1600 1000\n"
      << "[sst_expanded] 1\n"
      << "[signals_width] 300\n"
      << "*-5.000000 -1\n";  // zoom: about 100 cycles across the window
  int listed = 0;
  for (const GtkwGroup& g : gtkw_groups()) {
    std::vector<const DumpVar*> found;
    for (const char* s : g.signals) {
      const auto it = vars.find(std::string(kDesignScope) + s);
      if (it != vars.end()) found.push_back(&it->second);
    }
    if (found.empty()) continue;
    out << kGroupOpen << "\n-" << g.name << "\n";
    for (const DumpVar* v : found) out << (v->bits == 1 ? kFlagBit : kFlagHex) << "\n" << v->name << "\n";
    out << kGroupClose << "\n-" << g.name << "\n";
    listed += int(found.size());
  }
  if (!out) throw InputError("cannot write GTKWave save file '" + gtkw_path + "'");
  return listed;
}

}  // namespace mckit::sim
