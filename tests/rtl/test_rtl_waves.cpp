// The RTL waves: a run with waves writes the dump and a GTKWave save file next to it (same
// stem, .gtkw) that opens the dump with mc_top's signals in groups, every one of them a real
// signal of the dump, encodings by name, counts in decimal, distinct names, zoomed to the whole
// dump; the time axis is real time (one cycle = tCK); a window dumps only its cycles; VCD
// waves need no program; a failed write or run leaves no waves. The dumps are read with
// GTKWave's fst2vcd, which `make test` installs.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "dram/dram_command.h"
#include "dram/dram_preset.h"
#include "rtl/gtkw_writer.h"
#include "rtl/wave_timebase.h"
#include "backend.h"
#include "rtl_test_support.h"
#include "support/mckit_cli.h"
#include "workloads/microbench.h"

namespace mckit {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDesignScope = "mc_top.mc_top.";

// GTKWave 3.3 trace flags (hex TR_* bits): 0x20 right-justified, 0x8 binary, 0x2 hex,
// 0x4 decimal, bit 32 enum names (paired with binary); groups open and close.
constexpr const char* kBit = "@28";
constexpr const char* kHex = "@22";
constexpr const char* kDec = "@24";
constexpr const char* kEnum = "@100000028";

std::string read_text(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> words_of(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

// One trace of a save file: its group, its flags line, the signal's full name and the label
// it is shown under ("+{label} name" or "#{label} (bit)name ..."), empty if none.
struct Trace {
  std::string group, flags, name, label;
  // What GTKWave shows: the label, or the last part of the dotted name.
  std::string shown() const { return label.empty() ? name.substr(name.rfind('.') + 1) : label; }
};

struct SaveFile {
  std::vector<std::string> lines;
  std::vector<Trace> traces;
  std::vector<std::string> groups;  // in order

  const Trace* find(const std::string& name_below_scope) const {
    for (const Trace& t : traces)
      if (t.name == kDesignScope + name_below_scope) return &t;
    return nullptr;
  }
  bool has_group(const std::string& g) const {
    return std::find(groups.begin(), groups.end(), g) != groups.end();
  }
  // The value of a "[key] value" line, or of the "*zoom marker" line for key "*".
  std::string value_of(const std::string& key) const {
    for (const std::string& l : lines) {
      if (key == "*" ? !l.empty() && l[0] == '*' : l.rfind("[" + key + "] ", 0) == 0)
        return l.substr(key == "*" ? 1 : key.size() + 3);
    }
    return "";
  }
};

SaveFile parse_save_file(const fs::path& gtkw) {
  SaveFile f;
  f.lines = lines_of(read_text(gtkw));
  std::string group, flags;
  for (std::size_t i = 0; i < f.lines.size(); ++i) {
    const std::string& l = f.lines[i];
    if (l.empty() || l[0] == '[' || l[0] == '*') continue;
    if (l[0] == '@') {
      flags = l;
      continue;
    }
    if (l[0] == '-') {  // a group's name, after its opening or closing flags
      if (flags == "@800200") f.groups.push_back(group = l.substr(1));
      if (flags == "@1000200") group.clear();
      continue;
    }
    Trace t{group, flags, l, ""};
    if (l[0] == '+' || l[0] == '#') {
      const std::size_t close = l.find('}');
      t.label = l.substr(2, close - 2);
      t.name = words_of(l.substr(close + 1))[0];
      if (l[0] == '#') t.name = t.name.substr(t.name.find(')') + 1);
    }
    f.traces.push_back(t);
  }
  return f;
}

// The variables of a VCD as GTKWave names them ("mc_top.mc_top.dfi_cmd_o[3:0]"; a [0:0]
// range as [0]), with their identifier codes, the enum table each carries (from fst2vcd -e:
// a table "$attrbegin misc 07 NAME N ITEMS... VALUES... HANDLE $end", referred to by
// "$attrbegin misc 07 "" HANDLE $end" just before a variable), and its value changes.
struct Vcd {
  struct EnumTable {
    std::string name;
    std::vector<std::string> items, values;
  };
  std::map<std::string, std::string> id_of;       // full name -> id
  std::map<std::string, std::string> enum_of;     // full name -> enum table handle
  std::map<std::string, EnumTable> tables;        // handle -> table
  std::vector<std::uint64_t> times;
  std::map<std::string, std::map<std::uint64_t, std::string>> changes;  // id -> time -> value
};

Vcd parse_vcd(const std::string& text) {
  Vcd v;
  std::vector<std::string> scopes;
  std::string pending_enum;
  std::uint64_t time = 0;
  for (const std::string& line : lines_of(text)) {
    const std::vector<std::string> w = words_of(line);
    if (w.empty()) continue;
    if (w[0] == "$scope" && w.size() >= 3) scopes.push_back(w[2]);
    else if (w[0] == "$upscope" && !scopes.empty()) scopes.pop_back();
    else if (w[0] == "$attrbegin" && w.size() >= 5 && w[1] == "misc" && w[2] == "07") {
      if (w[3] == "\"\"") {
        pending_enum = w[4];
      } else {
        const std::size_t n = std::stoul(w[4]);
        Vcd::EnumTable table{w[3], {w.begin() + 5, w.begin() + 5 + n},
                             {w.begin() + 5 + n, w.begin() + 5 + 2 * n}};
        v.tables[w[5 + 2 * n]] = table;
      }
    } else if (w[0] == "$var" && w.size() >= 5) {
      std::string name;
      for (const std::string& s : scopes) name += s + ".";
      name += w[4];
      if (w.size() >= 6 && w[5] != "$end") {
        const std::string& range = w[5];
        const std::size_t colon = range.find(':');
        const bool one_bit = colon != std::string::npos &&
                             range.substr(1, colon - 1) ==
                                 range.substr(colon + 1, range.size() - colon - 2);
        name += one_bit ? range.substr(0, colon) + "]" : range;
      }
      v.id_of[name] = w[3];
      if (!pending_enum.empty()) v.enum_of[name] = pending_enum;
      pending_enum.clear();
    } else if (w[0][0] == '#') {
      time = std::stoull(w[0].substr(1));
      v.times.push_back(time);
    } else if (w[0][0] == 'b' && w.size() == 2) {
      v.changes[w[1]][time] = w[0].substr(1);
    } else if ((w[0][0] == '0' || w[0][0] == '1') && w.size() == 1) {
      v.changes[w[0].substr(1)][time] = w[0].substr(0, 1);
    }
  }
  return v;
}

// The value of `id` at `time` (its last change at or before it), as a number.
std::uint64_t value_at(const Vcd& v, const std::string& id, std::uint64_t time) {
  const auto& c = v.changes.at(id);
  auto it = c.upper_bound(time);
  if (it == c.begin()) return UINT64_MAX;
  return std::stoull((--it)->second, nullptr, 2);
}

// A fresh directory under the system temp dir, removed at the end of the test.
class WavesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("mckit_waves_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // 200 random requests (reads, writes, refresh on), or sequential reads with the stream
  // prefetcher on, with waves to `waves`.
  void run_with_waves(const sim::WaveOptions& waves, const std::string& preset_name = "ddr4-3200",
                      bool prefetch = false) {
    const dram::DramPreset preset = dram::load_preset(preset_name);
    sim::HarnessOptions options;
    options.waves = waves;
    if (prefetch) options.controller.prefetch.kind = ctrl::PrefetcherKind::Stream;
    sim::CycleHarness h(preset, options);
    stats::RunStats s;
    if (prefetch) {
      workloads::SequentialParams sp;
      sp.count = 200;
      sp.burst_bytes = preset.org.bytes_per_burst();
      workloads::SequentialSource source(sp);
      s = h.run(source);
    } else {
      workloads::RandomParams rp;
      rp.count = 200;
      rp.seed = 7;
      rp.footprint = test::kSmallFootprint;
      rp.burst_bytes = preset.org.bytes_per_burst();
      workloads::RandomSource source(rp);
      s = h.run(source);
    }
    ASSERT_EQ(s.unanswered, 0u);
    ASSERT_EQ(s.violations, 0u);
  }

  // The VCD GTKWave's fst2vcd makes of `fst` (with its enum tables when `extensions`).
  std::string fst2vcd(const fs::path& fst, bool extensions = false) {
    const fs::path vcd = dir_ / (fst.stem().string() + "_conv.vcd");
    const std::string cmd = std::string("fst2vcd ") + (extensions ? "-e " : "") + "-f '" +
                            fst.string() + "' -o '" + vcd.string() + "' >/dev/null 2>&1";
    EXPECT_EQ(std::system(cmd.c_str()), 0)
        << cmd << ": fst2vcd (Debian package gtkwave) is needed; `make test` installs it";
    return read_text(vcd);
  }

  // Everything left in the directory, but the entries named in `keep`.
  std::vector<std::string> files_besides(const std::set<std::string>& keep) {
    std::vector<std::string> left;
    for (const auto& e : fs::directory_iterator(dir_))
      if (!keep.count(e.path().filename().string())) left.push_back(e.path().filename().string());
    return left;
  }

  fs::path dir_;
};

TEST_F(WavesTest, SaveFileNamesTheDumpAndListsEveryGroupSignalFromIt) {
  // DDR3-1600K has two ranks; the prefetcher is on: every group and signal is shown.
  const fs::path fst = dir_ / "out.fst";
  run_with_waves({fst.string()}, "ddr3-1600k", true);
  const fs::path gtkw = dir_ / "out.gtkw";
  EXPECT_EQ(sim::gtkw_path_for(fst.string()), gtkw.string());
  ASSERT_TRUE(fs::exists(fst));
  const SaveFile f = parse_save_file(gtkw);
  EXPECT_EQ(f.value_of("dumpfile"), "\"" + fs::absolute(fst).string() + "\"");

  sim::GtkwView view;
  view.prefetcher = true;
  view.ranks = 2;
  std::vector<std::string> wanted;
  for (const sim::GtkwGroup& g : sim::gtkw_groups(view)) wanted.push_back(g.name);
  EXPECT_EQ(f.groups, wanted);
  for (const sim::GtkwGroup& g : sim::gtkw_groups(view)) {
    for (const sim::GtkwSignal& s : g.signals) {
      const std::string full = kDesignScope + std::string(s.path);
      const bool listed = std::any_of(f.traces.begin(), f.traces.end(), [&](const Trace& t) {
        return t.group == g.name && (t.name == full || t.name.rfind(full + "[", 0) == 0) &&
               (!s.label || t.label == s.label);
      });
      EXPECT_TRUE(listed) << g.name << ": " << s.path << " is not in the save file";
    }
  }
  // Each listed name is a variable of the dump.
  const Vcd vcd = parse_vcd(fst2vcd(fst));
  ASSERT_FALSE(vcd.id_of.empty());
  for (const Trace& t : f.traces) EXPECT_TRUE(vcd.id_of.count(t.name)) << t.name << " is not in the dump";
}

TEST_F(WavesTest, EncodingsShowByNameCountsInDecimalNamesDistinct) {
  const fs::path fst = dir_ / "view.fst";
  run_with_waves({fst.string()});
  const SaveFile f = parse_save_file(dir_ / "view.gtkw");

  for (const char* named : {"dfi_cmd_o[3:0]", "dfi_row_class_o[1:0]", "u_scheduler.cmd_o[3:0]",
                            "cfg_scheduler_i[1:0]", "cfg_page_policy_i[1:0]", "cfg_mapping_i[1:0]",
                            "cfg_pf_kind_i[1:0]"}) {
    const Trace* t = f.find(named);
    ASSERT_TRUE(t) << named;
    EXPECT_EQ(t->flags, kEnum) << named;
  }
  for (const char* count : {"rq_count_o[5:0]", "wq_count_o[5:0]", "req_id_i[7:0]", "rsp_id_o[7:0]",
                            "dfi_id_o[7:0]", "dfi_row_o[17:0]", "dfi_col_o[10:0]", "dfi_bg_o[2:0]",
                            "sched_idx[4:0]", "now_q[39:0]", "u_timing.row_q[0][17:0]"}) {
    const Trace* t = f.find(count);
    ASSERT_TRUE(t) << count;
    EXPECT_EQ(t->flags, kDec) << count;
  }
  for (const char* hex : {"req_addr_i[33:0]", "u_read_queue.valid_q[31:0]", "u_timing.open_q[63:0]"}) {
    const Trace* t = f.find(hex);
    ASSERT_TRUE(t) << hex;
    EXPECT_EQ(t->flags, kHex) << hex;
  }
  // The clock, first, as a bit, beside the cycle count.
  ASSERT_FALSE(f.traces.empty());
  EXPECT_EQ(f.traces[0].name, std::string(kDesignScope) + "clk_i");
  EXPECT_EQ(f.traces[0].flags, kBit);
  EXPECT_EQ(f.traces[0].group, "Clock and cycle");
  ASSERT_TRUE(f.find("now_q[39:0]"));
  EXPECT_EQ(f.find("now_q[39:0]")->label, "cycle (now_q)");
  // Refresh owed: rank 0's eight bits of ref_pending_o, in decimal (one rank on DDR4-3200).
  const auto owed = std::find_if(f.traces.begin(), f.traces.end(),
                                 [](const Trace& t) { return t.label == "refresh owed, rank 0"; });
  ASSERT_NE(owed, f.traces.end());
  EXPECT_EQ(owed->flags, kDec);
  EXPECT_NE(std::find(f.lines.begin(), f.lines.end(),
                      [] {
                        std::string line = "#{refresh owed, rank 0}";
                        for (int i = 8; i < 16; ++i)
                          line += " (" + std::to_string(i) + ")mc_top.mc_top.ref_pending_o[15:0]";
                        return line;
                      }()),
            f.lines.end());
  EXPECT_FALSE(std::any_of(f.traces.begin(), f.traces.end(),
                           [](const Trace& t) { return t.label == "refresh owed, rank 1"; }));
  // The two queues' valid_q show under their block's name; no two traces look alike.
  EXPECT_EQ(f.find("u_read_queue.valid_q[31:0]")->shown(), "u_read_queue/valid_q[31:0]");
  EXPECT_EQ(f.find("u_write_queue.valid_q[31:0]")->shown(), "u_write_queue/valid_q[31:0]");
  std::set<std::string> shown;
  for (const Trace& t : f.traces) EXPECT_TRUE(shown.insert(t.shown()).second) << t.shown() << " twice";
  // Without the prefetcher, no prefetcher group.
  EXPECT_FALSE(f.has_group("Prefetcher"));
  EXPECT_FALSE(f.find("pf_issued_o[31:0]"));
}

TEST_F(WavesTest, PrefetcherGroupWhenItIsOn) {
  const fs::path fst = dir_ / "pf.fst";
  run_with_waves({fst.string()}, "ddr4-3200", true);
  const SaveFile f = parse_save_file(dir_ / "pf.gtkw");
  ASSERT_TRUE(f.has_group("Prefetcher"));
  EXPECT_EQ(f.groups.back(), "Prefetcher");
  for (const char* s : {"u_prefetch.valid_o", "u_prefetch.addr_o[33:0]", "u_prefetch.drop",
                        "u_prefetch.hit_o", "u_prefetch.merge_o", "pf_issued_o[31:0]",
                        "pf_useful_o[31:0]", "pf_late_o[31:0]", "pf_evicted_unused_o[31:0]"}) {
    const Trace* t = f.find(s);
    ASSERT_TRUE(t) << s;
    EXPECT_EQ(t->group, "Prefetcher") << s;
  }
  EXPECT_EQ(f.find("pf_issued_o[31:0]")->flags, kDec);
  EXPECT_EQ(f.find("u_prefetch.cmd_o[3:0]")->flags, kEnum);
  EXPECT_EQ(f.find("u_prefetch.hit_o")->shown(), "u_prefetch/hit_o");
  EXPECT_EQ(f.find("cfg_pf_kind_i[1:0]")->group, "Configuration");
}

TEST_F(WavesTest, TimeAxisIsRealTimeAndTheWindowDumpsOnlyItsCycles) {
  // DDR4-3200: tCK = 625 ps. Cycle c starts at c x 625 ps with the clock's rising edge (now_q,
  // the cycle count, becomes c there); the clock falls at c x 625 + 312.5, rounded up.
  const fs::path fst = dir_ / "window.fst";
  constexpr std::uint64_t kStart = 50, kEnd = 150;
  run_with_waves({fst.string(), kStart, kEnd});
  ASSERT_TRUE(fs::exists(dir_ / "window.gtkw"));
  const std::string text = fst2vcd(fst);
  EXPECT_NE(text.find("$timescale\n\t1ps\n$end"), std::string::npos);
  const Vcd v = parse_vcd(text);
  std::vector<std::uint64_t> expected;
  for (std::uint64_t c = kStart; c < kEnd; ++c) {
    expected.push_back(c * 625 + 313);
    expected.push_back((c + 1) * 625);
  }
  ASSERT_EQ(v.times, expected);
  const std::string clk = v.id_of.at("mc_top.mc_top.clk_i");
  const std::string now = v.id_of.at("mc_top.mc_top.now_q[39:0]");
  for (std::uint64_t c = kStart; c < kEnd; ++c) {
    EXPECT_EQ(value_at(v, clk, c * 625 + 313), 0u) << c;
    EXPECT_EQ(value_at(v, now, c * 625 + 313), c) << c;
    EXPECT_EQ(value_at(v, clk, (c + 1) * 625), 1u) << c;
    EXPECT_EQ(value_at(v, now, (c + 1) * 625), c + 1) << c;
  }
}

TEST(WaveTimebase, EdgesAtRealTimesRoundedToThePicosecond) {
  const sim::WaveTimebase ddr4(625);
  EXPECT_EQ(ddr4.rising_edge(160), 100000u);
  EXPECT_EQ(ddr4.falling_edge(160), 100313u);  // 100312.5
  // DDR5-4800: tCK = 416.667 ps; cycle starts do not drift over a million cycles.
  const sim::WaveTimebase ddr5(416.667);
  EXPECT_EQ(ddr5.rising_edge(3), 1250u);             // 1250.001
  EXPECT_EQ(ddr5.falling_edge(0), 208u);             // 208.3335
  EXPECT_EQ(ddr5.falling_edge(2), 1042u);            // 1041.6675
  EXPECT_EQ(ddr5.rising_edge(1000000), 416667000u);  // exactly
}

TEST_F(WavesTest, SaveFileOpensFittedToTheWholeDump) {
  // A window of cycles 200..223 of DDR4-3200: from the clock's fall in cycle 200 to the rise
  // that ends cycle 223.
  const fs::path fst = dir_ / "fit.fst";
  run_with_waves({fst.string(), 200, 224});
  const SaveFile f = parse_save_file(dir_ / "fit.gtkw");
  EXPECT_EQ(f.value_of("timestart"), "125313");
  EXPECT_EQ(f.value_of("size"), "1600 1000");
  const std::vector<std::string> zoom = words_of(f.value_of("*"));
  ASSERT_EQ(zoom.size(), 2u);
  // GTKWave 3.3 shows 2^-zoom / 200 time units a pixel; the waves pane of the saved window
  // (1600 pixels wide, 280 for the tree, 320 for the names) measures 980 pixels: the dump must
  // fit it, within a tenth.
  const double units_per_pixel = std::pow(2.0, -std::stod(zoom[0])) / 200;
  const double pixels = (224 * 625 - 125313) / units_per_pixel;
  EXPECT_LE(pixels, 980);
  EXPECT_GE(pixels, 882);
  EXPECT_EQ(zoom[1], "-1");  // no marker
}

TEST_F(WavesTest, FstNamesTheCommandAndRowClassEncodings) {
  // The ports are typed enums, so the FST carries mc_pkg's tables for them (and for internal
  // signals such as the scheduler's command); the names follow dram::Command's encoding.
  const fs::path fst = dir_ / "enum.fst";
  run_with_waves({fst.string()});
  const Vcd v = parse_vcd(fst2vcd(fst, true));
  for (const char* cmd : {"mc_top.mc_top.dfi_cmd_o[3:0]", "mc_top.mc_top.u_scheduler.cmd_o[3:0]"}) {
    SCOPED_TRACE(cmd);
    ASSERT_TRUE(v.enum_of.count(cmd));
    const Vcd::EnumTable& table = v.tables.at(v.enum_of.at(cmd));
    EXPECT_EQ(table.name, "mc_pkg::cmd_e");
    ASSERT_EQ(table.items.size(), std::size_t(dram::kCommandCount));
    for (int k = 0; k < dram::kCommandCount; ++k) {
      const auto at = std::find(table.values.begin(), table.values.end(),
                                std::string{char('0' + (k >> 3 & 1)), char('0' + (k >> 2 & 1)),
                                            char('0' + (k >> 1 & 1)), char('0' + (k & 1))});
      ASSERT_NE(at, table.values.end()) << k;
      // The SystemVerilog constant is the log's name in capitals (REFpb: CMD_REFPB).
      std::string name(dram::command_name(static_cast<dram::Command>(k)));
      for (char& ch : name) ch = char(std::toupper(static_cast<unsigned char>(ch)));
      EXPECT_EQ(table.items[std::size_t(at - table.values.begin())], "CMD_" + name);
    }
  }
  ASSERT_TRUE(v.enum_of.count("mc_top.mc_top.dfi_row_class_o[1:0]"));
  const Vcd::EnumTable& row_class = v.tables.at(v.enum_of.at("mc_top.mc_top.dfi_row_class_o[1:0]"));
  EXPECT_EQ(row_class.name, "mc_pkg::row_class_e");
  EXPECT_EQ(row_class.items, (std::vector<std::string>{"ROW_HIT", "ROW_MISS", "ROW_CONFLICT"}));
  EXPECT_EQ(row_class.values, (std::vector<std::string>{"00", "01", "10"}));
  // A count is no enum.
  EXPECT_FALSE(v.enum_of.count("mc_top.mc_top.rq_count_o[5:0]"));
}

TEST_F(WavesTest, VcdNeedsNoProgramAndHoldsWhatTheFstHolds) {
  const std::string run = "run --preset ddr4-3200 --backend rtl --workload random --requests 300 "
                          "--seed 3 --waves ";
  const fs::path vcd = dir_ / "run.vcd", fst = dir_ / "run_fst.fst";
  // No program on the PATH: the VCD is written in-process.
  const std::string path = std::getenv("PATH") ? std::getenv("PATH") : "";
  ::setenv("PATH", "/nonexistent", 1);
  const test::CliRun r = test::run_mckit(run + "'" + vcd.string() + "'");
  ::setenv("PATH", path.c_str(), 1);
  ASSERT_EQ(r.exit_code, 0) << r.output();
  EXPECT_NE(r.out.find("waves: " + vcd.string() + " (open with: gtkwave " + vcd.string() + " " +
                       (dir_ / "run.gtkw").string() + ")"),
            std::string::npos);
  ASSERT_EQ(test::run_mckit(run + "'" + fst.string() + "'").exit_code, 0);
  const std::vector<std::string> files = files_besides({});
  EXPECT_EQ((std::set<std::string>{"run.vcd", "run.gtkw", "run_fst.fst", "run_fst.gtkw"}),
            (std::set<std::string>{files.begin(), files.end()}));

  // The same run's FST, converted by GTKWave's fst2vcd, is the same VCD but for its date.
  const auto without_date = [](const std::string& text) {
    const std::size_t end = text.find("$end");
    return text.substr(text.find("$date") == 0 && end != std::string::npos ? end : 0);
  };
  const std::string ours = read_text(vcd);
  EXPECT_GT(ours.size(), 100000u);
  EXPECT_EQ(without_date(ours), without_date(fst2vcd(fst)));

  // Its save file opens the VCD, which has no enum tables: encodings in decimal.
  const SaveFile f = parse_save_file(dir_ / "run.gtkw");
  EXPECT_EQ(f.value_of("dumpfile"), "\"" + vcd.string() + "\"");
  ASSERT_TRUE(f.find("dfi_cmd_o[3:0]"));
  EXPECT_EQ(f.find("dfi_cmd_o[3:0]")->flags, kDec);
  EXPECT_EQ(f.find("dfi_cmd_o[3:0]")->group, "Command bus");
}

TEST_F(WavesTest, AWriteErrorExitsTwoNamingThePathAndLeavesNoWaves) {
  const std::string run = "run --preset ddr4-3200 --workload random --requests 50 --waves ";
  test::CliRun r = test::run_mckit(run + "'" + (dir_ / "none" / "x.fst").string() + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "mckit: cannot write waves file '" + (dir_ / "none" / "x.fst").string() +
                       "': No such file or directory\n");

  // The save file cannot be written: neither it nor the waves are left.
  fs::create_symlink("/dev/full", dir_ / "a.gtkw");
  r = test::run_mckit(run + "'" + (dir_ / "a.fst").string() + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "mckit: cannot write GTKWave save file '" + (dir_ / "a.gtkw").string() +
                       "': No space left on device\n");
  EXPECT_EQ(files_besides({"a.gtkw"}), std::vector<std::string>{});

  // The VCD cannot be written: no save file, no temporary left.
  fs::create_symlink("/dev/full", dir_ / "b.vcd");
  r = test::run_mckit(run + "'" + (dir_ / "b.vcd").string() + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "mckit: cannot write waves file '" + (dir_ / "b.vcd").string() +
                       "': No space left on device\n");
  EXPECT_EQ(files_besides({"a.gtkw", "b.vcd"}), std::vector<std::string>{});
}

TEST_F(WavesTest, ARunThatDoesNotFinishLeavesNoWaves) {
  const dram::DramPreset preset = dram::load_preset("ddr4-3200");
  sim::CoreOptions options;
  options.waves = sim::WaveOptions{(dir_ / "cut.fst").string()};
  {
    auto core = sim::make_core(preset, options);
    ctrl::CoreInputs in;
    ctrl::CoreOutputs out;
    for (int i = 0; i < 100; ++i) core->cycle(in, out);
    EXPECT_FALSE(files_besides({}).empty());  // the temporaries, while it runs
  }  // destroyed without finish(), as when a run fails
  EXPECT_EQ(files_besides({}), std::vector<std::string>{});
}

}  // namespace
}  // namespace mckit
