// The RTL's parameter checks (MC_ASSERT_PARAM of rtl/mc_assert.svh) stop elaboration with an
// error naming the check: under Verilator (its lint, which every Verilated build also runs)
// for each limit of mc_top's parameters and of the blocks a user may instantiate, and under
// Yosys, where they stay on. Legal values other than the defaults pass.
#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>

#include "support/mckit_cli.h"

namespace mckit {
namespace {

// The files of rtl/ named, as paths from the source root on one line; a list (sources.f,
// pf_sources.f: rtl/README.md) stands for the files it names.
std::string rtl_files(const std::string& names) {
  std::istringstream words(names);
  std::string files;
  for (std::string name; words >> name;) {
    if (name.size() > 2 && name.compare(name.size() - 2, 2, ".f") == 0) {
      std::ifstream in("rtl/" + name);
      for (std::string listed; in >> listed;) files += " rtl/" + listed;
    } else {
      files += " rtl/" + name;
    }
  }
  return files;
}

// The include path: rtl/, and the configuration code generated from the field declaration
// (docs/fields.md) that mc_pkg and mc_top include.
const std::string kIncludes = std::string("-Irtl -I") + MCKIT_FIELDS_SV_DIR;

test::CliRun lint(const std::string& top, const std::string& files, const std::string& params) {
  return test::run_shell("verilator --lint-only -Wall " + kIncludes + " --top-module " + top +
                         " " + params + " rtl/lint.vlt" + files);
}

struct BadParameter {
  std::string top;
  std::string files;  // the sources, as rtl_files() takes them
  std::string param;  // -GNAME=VALUE
  std::string file;   // the check's
  std::string message;
};

// The line of `output` that holds `message`, or "".
std::string line_with(const std::string& output, const std::string& message) {
  std::istringstream in(output);
  for (std::string line; std::getline(in, line);)
    if (line.find(message) != std::string::npos) return line;
  return "";
}

std::ostream& operator<<(std::ostream& os, const BadParameter& b) {
  return os << b.top << " " << b.param;
}

class ParamLimit : public ::testing::TestWithParam<BadParameter> {};

TEST_P(ParamLimit, StopsVerilatorNamingTheCheck) {
  const BadParameter& b = GetParam();
  const test::CliRun run = lint(b.top, rtl_files(b.files), b.param);
  EXPECT_NE(run.exit_code, 0);
  const std::string line = line_with(run.output(), b.message);
  EXPECT_EQ(line.rfind("%Warning-USERERROR: rtl/" + b.file + ":", 0), 0u) << run.output();
}

INSTANTIATE_TEST_SUITE_P(
    Checks, ParamLimit,
    ::testing::Values(
        BadParameter{"mc_top", "sources.f", "-GQueueDepth=24",
                     "mc_top.sv", "QueueDepthPow2_A: parameter check failed: "
                     "QueueDepth >= 2 && (QueueDepth & (QueueDepth - 1)) == 0"},
        BadParameter{"mc_top", "sources.f", "-GQueueDepth=256",
                     "mc_top.sv", "QueueCountFitsCfg_A: parameter check failed: CntW <= 8"},
        BadParameter{"mc_top", "sources.f", "-GInFlightReads=12",
                     "mc_top.sv", "InFlightReadsPow2_A: parameter check failed: "
                     "InFlightReads >= 2 && (InFlightReads & (InFlightReads - 1)) == 0"},
        BadParameter{"mc_top", "sources.f", "-GPrefetchEntries=48",
                     "mc_top.sv", "PrefetchEntriesPow2_A: parameter check failed: "
                     "PrefetchEntries >= 2 && (PrefetchEntries & (PrefetchEntries - 1)) == 0"},
        BadParameter{"mc_top", "sources.f", "-GPrefetchEntries=512",
                     "mc_top.sv", "PrefetchSlotFitsId_A: parameter check failed: "
                     "SlotW <= mc_pkg::IdW"},
        BadParameter{"mc_req_queue", "mc_pkg.sv mc_req_queue.sv", "-GDepth=1",
                     "mc_req_queue.sv", "DepthAtLeastTwo_A: parameter check failed: "
                     "Depth >= 2"},
        BadParameter{"pf_stride", "pf_sources.f pf_stride.sv", "-GDepth=12",
                     "pf_cand_fifo.sv", "DepthPow2Max64_A: parameter check failed: "
                     "Depth >= 2 && Depth <= 64 && (Depth & (Depth - 1)) == 0"}),
    [](const ::testing::TestParamInfo<BadParameter>& info) {
      std::string name = info.param.top + "_" + info.param.param.substr(2);  // no -G
      for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      return name;
    });

TEST(ParamCheck, LegalValuesPass) {
  const test::CliRun run = lint("mc_top", rtl_files("sources.f"),
                                "-GQueueDepth=64 -GInFlightReads=32 -GPrefetchEntries=64");
  EXPECT_EQ(run.exit_code, 0) << run.output();
}

TEST(ParamCheck, StopsYosysNamingTheCheck) {
  const test::CliRun run = test::run_shell(
      "yosys -q -p 'read_verilog -sv " + kIncludes + rtl_files("pf_sources.f pf_buffer.sv") +
      "; chparam -set Entries 3 pf_buffer; hierarchy -top pf_buffer'");
  EXPECT_NE(run.exit_code, 0);
  EXPECT_NE(run.output().find("EntriesPow2_A: parameter check failed: "
                              "Entries >= 2 && (Entries & (Entries - 1)) == 0"),
            std::string::npos)
      << run.output();
}

}  // namespace
}  // namespace mckit
