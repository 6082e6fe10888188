// `mckit run` on either backend, through the SystemC top: the same figures from both, and
// one clear error for what cannot run.
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

json::value run_stats(const std::string& backend, const std::string& workload_args) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("mckit_backend_" + backend + "_" + std::to_string(::getpid()) + ".json");
  const test::CliRun r = test::run_mckit("run --backend " + backend + " " + workload_args +
                                         " --stats " + path.string());
  EXPECT_EQ(r.exit_code, 0) << r.output();
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  std::filesystem::remove(path);
  json::value v = json::parse(text.str());
  v.as_object().erase("wall_seconds");
  v.at("run").as_object().erase("backend");
  return v;
}

TEST(MckitRunBackends, RtlAndTlmPrintTheSameFigures) {
  for (const std::string args :
       {"--workload random --requests 6000 --seed 4 --footprint 1MiB --read-fraction 0.6",
        "--workload rw-mix --requests 6000 --seed 2 --scheduler frfcfs-cap --age-cap 64",
        // Demand saturates the memory: the prefetcher's candidates are killed while pending.
        "--workload sequential --requests 20000 --outstanding 8 --prefetcher stream"}) {
    SCOPED_TRACE(args);
    const json::value rtl = run_stats("rtl", args);
    const json::value tlm = run_stats("tlm", args);
    EXPECT_GT(rtl.at("bandwidth").at("cycles").to_number<std::uint64_t>(), 6000u);
    EXPECT_EQ(rtl, tlm);  // every statistic, the latency histogram and energy included
  }
}

TEST(MckitRunBackends, UnknownBackendExitsTwoNamingTheChoices) {
  const test::CliRun r = test::run_mckit("run --backend gates --requests 10");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.output(), "mckit: --backend: unknown backend 'gates' (expected rtl or tlm)\n");
}

TEST(MckitRunBackends, WavesNeedTheRtlBackend) {
  const test::CliRun r = test::run_mckit("run --backend tlm --waves /tmp/never.fst --requests 10");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.output(), "mckit: waves come from the RTL: use --backend rtl with --waves\n");
  EXPECT_FALSE(std::filesystem::exists("/tmp/never.fst"));
}

TEST(MckitRunBackends, InitiatorOptionsAreChecked) {
  test::CliRun r = test::run_mckit("run --backend tlm --outstanding 0 --requests 10");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.output(), "mckit: --outstanding: must be an integer from 1 to 18446744073709551615 (got '0')\n");
  r = test::run_mckit("run --backend tlm --rate -3 --requests 10");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.output(), "mckit: --rate: must be a finite number of at least 0.001 (got '-3')\n");
}

TEST(MckitRunBackends, OneOutstandingRequestServesOneAtATime) {
  // Closed loop with one in flight: every read waits for the previous one, so none queues;
  // only the few that meet a refresh (tRFC = 560 cycles) wait longer than a row miss.
  const json::value one = run_stats(
      "tlm", "--workload sequential --requests 2000 --read-fraction 1 --outstanding 1");
  const json::value& latency = one.at("read_latency").at("cycles");
  EXPECT_LE(latency.at("p90").to_number<std::uint64_t>(), 52u);  // a closed-row read, P = 4
  EXPECT_LT(latency.at("mean").to_number<double>(), 52.0);
  EXPECT_LT(one.at("bandwidth").at("percent_of_peak").to_number<double>(), 25.0);
}

}  // namespace
}  // namespace mckit
