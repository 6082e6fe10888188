// `mckit run --prefetcher`: its options checked with one clear line, nothing added without a
// prefetcher, and with one, a table section and a "prefetch" object that compare the run with
// the same run without it.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "support/mckit_cli.h"

namespace mckit {
namespace {

namespace json = boost::json;

// Small and quick on the C++ controller; a sequential read stream is what prefetchers predict.
const std::string kRun =
    "run --backend tlm --workload sequential --requests 4000 --read-fraction 1 --outstanding 4 ";

struct JsonRun {
  test::CliRun cli;
  json::value stats;
};

JsonRun run_with_stats(const std::string& args) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("mckit_pfrun_" + std::to_string(::getpid()) + ".json");
  JsonRun r{test::run_mckit(args + " --stats " + path.string()), {}};
  EXPECT_EQ(r.cli.exit_code, 0) << r.cli.output();
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  std::filesystem::remove(path);
  r.stats = json::parse(text.str());
  return r;
}

std::uint64_t u(const json::value& v) { return v.to_number<std::uint64_t>(); }
double d(const json::value& v) { return v.to_number<double>(); }

TEST(MckitRunPrefetch, UnknownPrefetcherExitsTwoNamingTheChoices) {
  const test::CliRun r = test::run_mckit("run --backend tlm --prefetcher bogus --requests 10");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.output(),
            "mckit: --prefetcher: unknown prefetcher 'bogus' (accepted: none, nextline, stream, stride)\n");
}

TEST(MckitRunPrefetch, OutOfRangeSettingsExitTwoWithOneLine) {
  for (const auto& [args, start] :
       {std::pair{"--prefetch-degree 0", "mckit: --prefetch-degree: must be an integer from 1 to 15"},
        std::pair{"--prefetch-throttle 0", "mckit: --prefetch-throttle: must be an integer from 1 to 100"},
        std::pair{"--prefetch-pressure 99", "mckit: --prefetch-pressure: must be an integer from 1 to 32"}}) {
    SCOPED_TRACE(args);
    const test::CliRun r =
        test::run_mckit(std::string("run --backend tlm --prefetcher stream --requests 10 ") + args);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.output().rfind(start, 0), 0u) << r.output();
    EXPECT_EQ(r.output().find('\n'), r.output().size() - 1) << r.output();
  }
}

TEST(MckitRunPrefetch, RunFileTakesThePrefetchOptions) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("mckit_pfrun_file_" + std::to_string(::getpid()) + ".json");
  std::ofstream(path) << R"({"prefetcher": "none", "prefetch-degree": 3, "prefetch-throttle": 50})";
  const JsonRun r = run_with_stats(kRun + path.string());
  std::filesystem::remove(path);
  const json::value& p = r.stats.at("run").at("parameters");
  EXPECT_EQ(p.at("prefetcher"), "none");
  EXPECT_EQ(p.at("prefetch_degree"), 3);
  EXPECT_EQ(p.at("prefetch_throttle"), 50);
  EXPECT_EQ(p.at("prefetch_distance"), 8);  // the defaults
  EXPECT_EQ(p.at("prefetch_threshold"), 2);
  EXPECT_EQ(p.at("prefetch_pressure"), 16);
}

TEST(MckitRunPrefetch, NoPrefetcherAddsNoSectionAndNoBaseline) {
  const JsonRun r = run_with_stats(kRun + "--prefetcher none");
  EXPECT_EQ(r.cli.out.find("prefetch"), std::string::npos) << r.cli.out;
  const json::object& p = r.stats.at("prefetch").as_object();
  for (const char* counter :
       {"issued", "useful", "late", "evicted_unused", "activates", "extra_bytes"})
    EXPECT_EQ(u(p.at(counter)), 0u) << counter;
  EXPECT_EQ(d(p.at("accuracy")), 0.0);
  EXPECT_EQ(d(p.at("extra_percent")), 0.0);
  EXPECT_FALSE(p.contains("baseline"));
  EXPECT_FALSE(p.contains("delta"));
}

TEST(MckitRunPrefetch, ComparesWithTheSameRunWithoutIt) {
  const JsonRun on = run_with_stats(kRun + "--prefetcher stream");
  const JsonRun off = run_with_stats(kRun + "--prefetcher none");
  const std::string& table = on.cli.out;
  EXPECT_EQ(test::table_row(table, "prefetcher"), "stream, distance 8, degree 4, throttle 50 %, pressure 16");

  const json::value& p = on.stats.at("prefetch");
  const std::uint64_t issued = u(p.at("issued")), useful = u(p.at("useful"));
  ASSERT_GT(useful, 0u);  // a sequential stream is what a stream prefetcher predicts
  EXPECT_EQ(test::table_row(table, "prefetches issued"), std::to_string(issued));
  EXPECT_EQ(test::table_row(table, "prefetches useful"), std::to_string(useful));
  EXPECT_EQ(test::table_row(table, "prefetches late"), std::to_string(u(p.at("late"))));
  EXPECT_EQ(test::table_row(table, "prefetches evicted unused"), std::to_string(u(p.at("evicted_unused"))));
  EXPECT_EQ(test::table_row(table, "prefetch ACTs"), std::to_string(u(p.at("activates"))));
  EXPECT_DOUBLE_EQ(d(p.at("accuracy")), double(useful) / double(issued));
  EXPECT_DOUBLE_EQ(d(p.at("coverage")),
                   double(useful) / double(useful + u(p.at("demand_dram_reads"))));
  EXPECT_EQ(u(p.at("extra_bytes")), (issued - useful) * 64);  // DDR4 x64: 64 B bursts

  // The baseline is exactly the run without the prefetcher, done apart.
  const json::value& base = p.at("baseline");
  const auto gbps = [](const json::value& s) { return d(s.at("bandwidth").at("gbps")); };
  const auto mean = [](const json::value& s) {
    return d(s.at("read_latency").at("ns").at("mean"));
  };
  const auto p99 = [](const json::value& s) { return d(s.at("read_latency").at("ns").at("p99")); };
  EXPECT_DOUBLE_EQ(d(base.at("bandwidth_gbps")), gbps(off.stats));
  EXPECT_DOUBLE_EQ(d(base.at("mean_read_latency_ns")), mean(off.stats));
  EXPECT_DOUBLE_EQ(d(base.at("p99_read_latency_ns")), p99(off.stats));
  EXPECT_EQ(base.at("cycles"), off.stats.at("bandwidth").at("cycles"));
  EXPECT_EQ(base.at("clean"), true);

  const json::value& delta = p.at("delta");
  // Differences of the printed figures: equal but for the last bits of a double.
  EXPECT_NEAR(d(delta.at("bandwidth_gbps")), gbps(on.stats) - gbps(off.stats), 1e-9);
  EXPECT_NEAR(d(delta.at("mean_read_latency_ns")), mean(on.stats) - mean(off.stats), 1e-9);
  EXPECT_NEAR(d(delta.at("p99_read_latency_ns")), p99(on.stats) - p99(off.stats), 1e-9);
  EXPECT_NEAR(d(delta.at("bandwidth_percent")),
              100 * (gbps(on.stats) - gbps(off.stats)) / gbps(off.stats), 1e-9);
  EXPECT_NEAR(d(delta.at("mean_read_latency_percent")),
              100 * (mean(on.stats) - mean(off.stats)) / mean(off.stats), 1e-9);
  EXPECT_NEAR(d(delta.at("p99_read_latency_percent")),
              100 * (p99(on.stats) - p99(off.stats)) / p99(off.stats), 1e-9);
}

// A sequential read stream that demand alone saturates, on DDR4-3200: with 8 reads in flight
// and bank groups in turn a demand RD goes every tCCD_S (the data bus is full); under
// ro-ba-ra-co-ch, with 4 in flight, one every tCCD_L. The stream prefetcher's candidates wait
// while demand overtakes them, and each accepted read kills its burst's pending candidates.
// The stream reads every burst once, so a prefetch of a burst already read would never be
// used: it would stay unused or be evicted unused. Every prefetch is used but for those past
// the stream's last burst (at most distance + degree - 1 = 11), which no read asks for.
TEST(MckitRunPrefetch, SaturatedSequentialStreamPrefetchesNoBurstAlreadyRead) {
  for (const std::string loop : {"--outstanding 8", "--mapping ro-ba-ra-co-ch --outstanding 4"}) {
    SCOPED_TRACE(loop);
    const JsonRun r = run_with_stats(
        "run --backend tlm --preset ddr4-3200 --workload sequential --prefetcher stream " + loop);
    const json::value& p = r.stats.at("prefetch");
    const std::uint64_t issued = u(p.at("issued")), useful = u(p.at("useful"));
    EXPECT_EQ(u(r.stats.at("requests").at("reads")), 100'000u);
    EXPECT_EQ(u(p.at("evicted_unused")), 0u);
    ASSERT_LE(useful, issued);
    EXPECT_LE(issued - useful, 11u) << issued << " issued, " << useful << " useful";
  }
}

}  // namespace
}  // namespace mckit
