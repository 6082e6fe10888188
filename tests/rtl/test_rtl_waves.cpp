// The RTL waves: a run with waves writes the dump and a GTKWave save file next to it (same
// stem, .gtkw) that opens the dump with mc_top's signals in groups, every one of them a real
// signal of the dump; a wave window dumps only its cycles.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "dram/dram_preset.h"
#include "rtl/gtkw_writer.h"
#include "backend.h"
#include "rtl_test_support.h"
#include "workloads/microbench.h"

namespace mckit {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDesignScope = "mc_top.mc_top.";

bool have_fst2vcd() { return std::system("command -v fst2vcd >/dev/null 2>&1") == 0; }

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

  // 200 random requests (reads, writes, refresh on) with waves to `waves`.
  void run_with_waves(const sim::WaveOptions& waves) {
    const dram::DramPreset preset = dram::load_preset("ddr4-3200");
    sim::HarnessOptions options;
    options.waves = waves;
    sim::CycleHarness h(preset, options);
    workloads::RandomParams rp;
    rp.count = 200;
    rp.seed = 7;
    rp.footprint = test::kSmallFootprint;
    rp.burst_bytes = preset.org.bytes_per_burst();
    workloads::RandomSource source(rp);
    const stats::RunStats s = h.run(source);
    ASSERT_EQ(s.unanswered, 0u);
    ASSERT_EQ(s.violations, 0u);
  }

  // The full names ("mc_top.mc_top.dfi_cmd_o[3:0]", as GTKWave shows them) of every variable
  // of `fst`, from a VCD made with fst2vcd; also returns the VCD's text.
  std::set<std::string> vcd_names(const fs::path& fst, std::string* vcd_text = nullptr) {
    const fs::path vcd = dir_ / (fst.stem().string() + "_conv.vcd");
    const std::string cmd =
        "fst2vcd -f '" + fst.string() + "' -o '" + vcd.string() + "' >/dev/null 2>&1";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
    const std::string text = read_text(vcd);
    if (vcd_text) *vcd_text = text;
    std::set<std::string> names;
    std::vector<std::string> scopes;
    for (const std::string& line : lines_of(text)) {
      std::istringstream in(line);
      std::vector<std::string> tok;
      for (std::string t; in >> t;) tok.push_back(t);
      if (tok.empty()) continue;
      if (tok[0] == "$scope" && tok.size() >= 3) scopes.push_back(tok[2]);
      if (tok[0] == "$upscope" && !scopes.empty()) scopes.pop_back();
      if (tok[0] == "$var" && tok.size() >= 5) {
        std::string name;
        for (const std::string& s : scopes) name += s + ".";
        name += tok[4];
        if (tok.size() >= 6 && tok[5] != "$end") {  // bit range; GTKWave shows [0:0] as [0]
          const std::string range = tok[5];
          const std::size_t colon = range.find(':');
          const bool one_bit = colon != std::string::npos &&
                               range.substr(1, colon - 1) ==
                                   range.substr(colon + 1, range.size() - colon - 2);
          name += one_bit ? range.substr(0, colon) + "]" : range;
        }
        names.insert(name);
      }
    }
    return names;
  }

  fs::path dir_;
};

TEST_F(WavesTest, SaveFileNamesTheDumpAndGroupsRealSignals) {
  const fs::path fst = dir_ / "out.fst";
  run_with_waves({fst.string()});
  const fs::path gtkw = dir_ / "out.gtkw";
  EXPECT_EQ(sim::gtkw_path_for(fst.string()), gtkw.string());
  ASSERT_TRUE(fs::exists(fst));
  ASSERT_TRUE(fs::exists(gtkw));

  const std::vector<std::string> lines = lines_of(read_text(gtkw));
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0], "[dumpfile] \"" + fs::absolute(fst).string() + "\"");

  // Every group is opened and closed, in order, and holds signals.
  std::vector<std::string> listed;
  for (const sim::GtkwGroup& g : sim::gtkw_groups()) {
    SCOPED_TRACE(g.name);
    std::size_t open = lines.size(), close = lines.size();
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
      if (lines[i + 1] != std::string("-") + g.name) continue;
      if (lines[i] == "@800200") open = i;
      if (lines[i] == "@1000200") close = i;
    }
    ASSERT_LT(open, lines.size()) << "group not opened";
    ASSERT_LT(close, lines.size()) << "group not closed";
    int in_group = 0;
    for (std::size_t i = open + 2; i < close; ++i) {
      if (lines[i].rfind(kDesignScope, 0) != 0) continue;
      listed.push_back(lines[i]);
      ++in_group;
      const bool vector = lines[i].back() == ']' &&
                          lines[i].substr(lines[i].rfind('[')).find(':') != std::string::npos;
      EXPECT_EQ(lines[i - 1], vector ? "@22" : "@28") << lines[i];
    }
    EXPECT_GT(in_group, 0) << "empty group";
  }
  // The signals the brief asks for are all there.
  for (const char* must : {"req_valid_i", "rsp_valid_o", "fe_valid_q", "req_fwd_o",
                           "rq_count_o[5:0]", "wq_count_o[5:0]", "u_read_queue.valid_q[31:0]",
                           "u_write_queue.valid_q[31:0]", "draining_o", "u_scheduler.cmd_o[3:0]",
                           "sched_from_wq", "sched_idx[4:0]", "dfi_rank_o[0]", "u_timing.open_q[63:0]",
                           "dfi_cmd_o[3:0]", "dfi_row_o[17:0]", "dfi_rddata_valid_i",
                           "ref_pending_o[7:0]", "u_refresh.active_q[1:0]"}) {
    EXPECT_NE(std::find(listed.begin(), listed.end(), std::string(kDesignScope) + must),
              listed.end())
        << must;
  }

  if (!have_fst2vcd()) GTEST_SKIP() << "fst2vcd not on PATH: the signal names are not checked";
  const std::set<std::string> names = vcd_names(fst);
  ASSERT_FALSE(names.empty());
  for (const std::string& s : listed) EXPECT_TRUE(names.count(s)) << s << " is not in the dump";
}

TEST_F(WavesTest, VcdWavesGetASaveFileNamingTheVcd) {
  if (!have_fst2vcd()) GTEST_SKIP() << "fst2vcd not on PATH: .vcd waves need it";
  const fs::path vcd = dir_ / "run.vcd";
  run_with_waves({vcd.string()});
  ASSERT_TRUE(fs::exists(vcd));
  EXPECT_FALSE(fs::exists(dir_ / "run.vcd.fst"));
  const std::vector<std::string> lines = lines_of(read_text(dir_ / "run.gtkw"));
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0], "[dumpfile] \"" + fs::absolute(vcd).string() + "\"");
}

TEST_F(WavesTest, WindowDumpsOnlyItsCycles) {
  if (!have_fst2vcd()) GTEST_SKIP() << "fst2vcd not on PATH: the window is not checked";
  const fs::path fst = dir_ / "window.fst";
  constexpr std::uint64_t kStart = 50, kEnd = 150;
  run_with_waves({fst.string(), kStart, kEnd});
  ASSERT_TRUE(fs::exists(dir_ / "window.gtkw"));
  std::string text;
  vcd_names(fst, &text);
  std::vector<std::uint64_t> times;
  for (const std::string& line : lines_of(text))
    if (!line.empty() && line[0] == '#') times.push_back(std::stoull(line.substr(1)));
  // Two dumps per cycle (clock low, clock high), at 2c and 2c+1.
  ASSERT_EQ(times.size(), 2 * (kEnd - kStart));
  EXPECT_EQ(times.front(), 2 * kStart);
  EXPECT_EQ(times.back(), 2 * kEnd - 1);
}

}  // namespace
}  // namespace mckit
