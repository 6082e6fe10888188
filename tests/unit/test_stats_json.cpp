// RunStats as JSON: every field from hand-made numbers, and `mckit run --stats` end to end.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include "stats/stats_json.h"
#include "support/mckit_cli.h"

namespace mckit::stats {
namespace {

namespace json = boost::json;

std::uint64_t u(const json::value& v) { return v.to_number<std::uint64_t>(); }
double d(const json::value& v) { return v.to_number<double>(); }

RunStats sample_stats() {
  RunStats s;
  s.reads = 3;
  s.writes = 1;
  s.bytes = 256;
  s.cycles = 1000;
  s.tck_ns = 0.5;
  s.peak_gbps = 2.048;
  for (std::uint64_t c : {10, 10, 20, 30}) s.read_latency.add(c);  // mean 17.5
  s.forwarded_reads = 1;
  s.row_hits = 5;
  s.row_misses = 2;
  s.row_conflicts = 1;
  s.commands[std::size_t(dram::Command::ACT)] = 3;
  s.commands[std::size_t(dram::Command::RDA)] = 2;
  s.commands[std::size_t(dram::Command::REF)] = 4;
  s.refreshes_postponed = 1;
  s.max_refresh_owed = 2;
  s.energy.act = 10;
  s.energy.pre = 20;
  s.energy.rd = 30;
  s.energy.wr = 40;
  s.energy.ref = 50;
  s.energy.background_active = 60;
  s.energy.background_precharged = 70;
  s.energy.bits = 28;
  s.violations = 2;
  s.first_violations = {"first", "second"};
  s.data_mismatches = 3;
  s.unanswered = 4;
  s.wall_seconds = 1.25;
  return s;
}

TEST(StatsJson, AllFieldsFromKnownNumbers) {
  RunInfo info{"random", "DDR4-3200", "rtl", "frfcfs, open page", json::object{{"seed", 7}}};
  const json::object o = to_json(sample_stats(), info);

  const json::object& run = o.at("run").as_object();
  EXPECT_EQ(run.at("workload").as_string(), "random");
  EXPECT_EQ(run.at("preset").as_string(), "DDR4-3200");
  EXPECT_EQ(run.at("backend").as_string(), "rtl");
  EXPECT_EQ(run.at("policy").as_string(), "frfcfs, open page");
  EXPECT_EQ(u(run.at("parameters").at("seed")), 7u);

  const json::object& req = o.at("requests").as_object();
  EXPECT_EQ(u(req.at("total")), 4u);
  EXPECT_EQ(u(req.at("reads")), 3u);
  EXPECT_EQ(u(req.at("writes")), 1u);
  EXPECT_EQ(u(req.at("forwarded_reads")), 1u);

  const json::object& bw = o.at("bandwidth").as_object();
  EXPECT_EQ(u(bw.at("bytes")), 256u);
  EXPECT_EQ(u(bw.at("cycles")), 1000u);
  EXPECT_DOUBLE_EQ(d(bw.at("tck_ns")), 0.5);
  EXPECT_DOUBLE_EQ(d(bw.at("seconds")), 500e-9);
  EXPECT_DOUBLE_EQ(d(bw.at("gbps")), 0.512);  // 256 bytes / 500 ns
  EXPECT_DOUBLE_EQ(d(bw.at("peak_gbps")), 2.048);
  EXPECT_DOUBLE_EQ(d(bw.at("percent_of_peak")), 25.0);

  const json::object& lat = o.at("read_latency").as_object();
  EXPECT_EQ(u(lat.at("count")), 4u);
  const json::object& cyc = lat.at("cycles").as_object();
  EXPECT_EQ(u(cyc.at("min")), 10u);
  EXPECT_DOUBLE_EQ(d(cyc.at("mean")), 17.5);
  EXPECT_EQ(u(cyc.at("p50")), 10u);
  EXPECT_EQ(u(cyc.at("p90")), 30u);
  EXPECT_EQ(u(cyc.at("p99")), 30u);
  EXPECT_EQ(u(cyc.at("max")), 30u);
  const json::object& ns = lat.at("ns").as_object();
  EXPECT_DOUBLE_EQ(d(ns.at("min")), 5.0);
  EXPECT_DOUBLE_EQ(d(ns.at("mean")), 8.75);
  EXPECT_DOUBLE_EQ(d(ns.at("p50")), 5.0);
  EXPECT_DOUBLE_EQ(d(ns.at("p90")), 15.0);
  EXPECT_DOUBLE_EQ(d(ns.at("max")), 15.0);
  EXPECT_EQ(json::serialize(lat.at("histogram")), "[[10,2],[20,1],[30,1]]");

  const json::object& rows = o.at("rows").as_object();
  EXPECT_EQ(u(rows.at("hits")), 5u);
  EXPECT_EQ(u(rows.at("misses")), 2u);
  EXPECT_EQ(u(rows.at("conflicts")), 1u);

  const json::object& cmds = o.at("commands").as_object();
  EXPECT_EQ(cmds.size(), 11u);
  EXPECT_EQ(u(cmds.at("ACT")), 3u);
  EXPECT_EQ(u(cmds.at("RDA")), 2u);
  EXPECT_EQ(u(cmds.at("REF")), 4u);
  for (const char* name : {"NOP", "PRE", "PREA", "RD", "WR", "WRA", "REFpb", "REFsb"})
    EXPECT_EQ(u(cmds.at(name)), 0u) << name;

  const json::object& ref = o.at("refresh").as_object();
  EXPECT_EQ(u(ref.at("count")), 4u);
  EXPECT_EQ(u(ref.at("postponed")), 1u);
  EXPECT_EQ(u(ref.at("max_owed")), 2u);

  const json::object& e = o.at("energy").as_object();
  EXPECT_DOUBLE_EQ(d(e.at("act_pj")), 10);
  EXPECT_DOUBLE_EQ(d(e.at("pre_pj")), 20);
  EXPECT_DOUBLE_EQ(d(e.at("rd_pj")), 30);
  EXPECT_DOUBLE_EQ(d(e.at("wr_pj")), 40);
  EXPECT_DOUBLE_EQ(d(e.at("ref_pj")), 50);
  EXPECT_DOUBLE_EQ(d(e.at("background_active_pj")), 60);
  EXPECT_DOUBLE_EQ(d(e.at("background_precharged_pj")), 70);
  EXPECT_DOUBLE_EQ(d(e.at("total_pj")), 280);
  EXPECT_EQ(u(e.at("bits")), 28u);
  EXPECT_DOUBLE_EQ(d(e.at("pj_per_bit")), 10);

  const json::object& chk = o.at("checks").as_object();
  EXPECT_EQ(u(chk.at("violations")), 2u);
  EXPECT_EQ(json::serialize(chk.at("first_violations")), R"(["first","second"])");
  EXPECT_EQ(u(chk.at("data_mismatches")), 3u);
  EXPECT_EQ(u(chk.at("unanswered")), 4u);
  EXPECT_FALSE(chk.at("clean").as_bool());

  EXPECT_DOUBLE_EQ(d(o.at("wall_seconds")), 1.25);
}

TEST(StatsJson, EmptyRunHasZerosAndEmptyHistogram) {
  const json::object o = to_json(RunStats{}, RunInfo{});
  EXPECT_EQ(u(o.at("read_latency").at("count")), 0u);
  EXPECT_EQ(u(o.at("read_latency").at("cycles").at("min")), 0u);
  EXPECT_TRUE(o.at("read_latency").at("histogram").as_array().empty());
  EXPECT_DOUBLE_EQ(d(o.at("bandwidth").at("gbps")), 0.0);
  EXPECT_EQ(u(o.at("bandwidth_over_time").at("window_cycles")), 1024u);
  EXPECT_TRUE(o.at("bandwidth_over_time").at("windows").as_array().empty());
  EXPECT_TRUE(o.at("checks").at("clean").as_bool());
}

// Read from the serialized text, as a reader of the file would: counts stay integers and gbps is
// the window's bytes over its own length in ns, the partial last window included.
TEST(StatsJson, BandwidthOverTimeFromKnownWindows) {
  RunStats s;
  s.tck_ns = 0.625;
  s.bandwidth_series.record(0, 64, false);
  s.bandwidth_series.record(1023, 64, true);
  s.bandwidth_series.record(3100, 500, false);
  s.bandwidth_series.finish(3472);  // the last window holds 400 cycles, 250 ns
  const json::value v = json::parse(json::serialize(to_json(s, RunInfo{})));

  const json::object& bot = v.at("bandwidth_over_time").as_object();
  EXPECT_EQ(bot.size(), 2u);
  EXPECT_EQ(u(bot.at("window_cycles")), 1024u);
  const json::array& windows = bot.at("windows").as_array();
  ASSERT_EQ(windows.size(), 4u);
  const std::array<std::array<std::uint64_t, 4>, 4> counts{{{0, 1024, 64, 64},
                                                            {1024, 1024, 0, 0},
                                                            {2048, 1024, 0, 0},
                                                            {3072, 400, 500, 0}}};
  const std::array<double, 4> gbps{0.2, 0.0, 0.0, 2.0};  // 128 B / 640 ns, ..., 500 B / 250 ns
  for (std::size_t k = 0; k < windows.size(); ++k) {
    const json::array& w = windows[k].as_array();
    ASSERT_EQ(w.size(), 5u) << k;
    for (std::size_t i = 0; i < 4; ++i) {
      EXPECT_FALSE(w[i].is_double()) << k << "," << i;
      EXPECT_EQ(u(w[i]), counts[k][i]) << k << "," << i;
    }
    EXPECT_TRUE(w[4].is_double()) << k;
    EXPECT_DOUBLE_EQ(d(w[4]), gbps[k]) << k;
  }
}


std::filesystem::path temp_dir() {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("mckit_stats_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

TEST(MckitRunStats, WritesParsableJson) {
  const auto dir = temp_dir();
  const auto path = dir / "s.json";
  const test::CliRun r = test::run_mckit("run --requests 2000 --stats " + path.string());
  EXPECT_EQ(r.exit_code, 0) << r.output();
  std::ifstream in(path);
  ASSERT_TRUE(in) << r.output();
  std::stringstream text;
  text << in.rdbuf();
  const json::value v = json::parse(text.str());
  EXPECT_EQ(u(v.at("requests").at("total")), 2000u);
  EXPECT_EQ(u(v.at("checks").at("violations")), 0u);
  EXPECT_EQ(v.at("run").at("workload").as_string(), "random");
  EXPECT_GT(u(v.at("read_latency").at("count")), 0u);
  EXPECT_TRUE(v.at("bandwidth_over_time").at("windows").is_array());
  // Nothing but the stats file is left behind.
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& f : std::filesystem::directory_iterator(dir)) ++files;
  EXPECT_EQ(files, 1u);
  std::filesystem::remove_all(dir);
}

TEST(MckitRunStats, RecordsTheOptionsThatChangeTheResult) {
  const auto dir = temp_dir();
  const auto path = dir / "opts.json";
  const test::CliRun r = test::run_mckit(
      "run --backend tlm --requests 300 --rate 2.5 --outstanding 3 --preset "
      "tests/data/presets/custom-ddr4.json --stats " + path.string());
  ASSERT_EQ(r.exit_code, 0) << r.output();
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  const json::value v = json::parse(text.str());
  const json::value& p = v.at("run").at("parameters");
  EXPECT_EQ(p.at("rate_gbps").to_number<double>(), 2.5);
  EXPECT_EQ(u(p.at("outstanding")), 3u);
  EXPECT_EQ(p.at("preset_file").as_string(), "tests/data/presets/custom-ddr4.json");
  EXPECT_EQ(p.at("trace_format").as_string(), "");
  EXPECT_EQ(p.at("model").as_string(), "");
  EXPECT_EQ(v.at("run").at("backend").as_string(), "tlm");
  std::filesystem::remove_all(dir);
}

TEST(MckitRunStats, UnwritablePathExitsTwoNamingIt) {
  const test::CliRun r = test::run_mckit("run --requests 2000 --stats /nonexistent/dir/s.json");
  EXPECT_EQ(r.exit_code, 2) << r.output();
  EXPECT_EQ(r.output(),
            "mckit: cannot write --stats file '/nonexistent/dir/s.json': No such file or directory\n");
}

TEST(MckitRunStats, BadWorkloadOptionsExitTwo) {
  test::CliRun r = test::run_mckit("run --workload strided --stride 0 --requests 10");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.output(), "mckit: --stride: must be an integer from 1 to 18446744073709551615 (got '0')\n");
  r = test::run_mckit("run --workload hotspot --hot-bytes 2MiB --footprint 1MiB --requests 10");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.output(), "mckit: hot region of 2097152 bytes is larger than the footprint of 1048576 bytes\n");
  r = test::run_mckit("run --workload hotspot --hot-bytes lots --requests 10");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.output(),
            "mckit: --hot-bytes: must be a size such as 65536, 64MiB or 4GiB (got 'lots')\n");
}

}  // namespace
}  // namespace mckit::stats
