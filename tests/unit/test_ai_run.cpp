// The AI workloads through `mckit run`: a model shape from a file, request counts that follow
// from it, copies as separate streams, and one clear error for what cannot run.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "support/mckit_cli.h"

namespace mckit {
namespace {

namespace json = boost::json;

const std::string kTiny = std::string(MCKIT_TEST_DATA) + "/models/tiny-decoder.json";

json::value run_stats(const std::string& args) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("mckit_ai_" + std::to_string(::getpid()) + ".json");
  const test::CliRun r = test::run_mckit("run " + args + " --stats " + path.string());
  EXPECT_EQ(r.exit_code, 0) << r.output();
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  std::filesystem::remove(path);
  return json::parse(text.str());
}

std::uint64_t total(const json::value& v) {
  return v.at("requests").at("total").to_number<std::uint64_t>();
}

TEST(AiRun, DecodeOfATinyModelIssuesTheRequestsWorkedOutByHand) {
  // hidden 64, 4 heads of 16, FFN 128, bf16, 64 B bursts: per layer the weights are
  // 4 x 64x64 x 2 B / 64 = 512 bursts (Q, K, V, O) + 3 x 64x128 x 2 B / 64 = 768 (FFN).
  // A KV row (one token, all heads) is 64 x 2 B = 2 bursts, for K and for V.
  // Token 0 (3 cached tokens), per layer: 1280 + 2 sequences x 2 (K, V) x 3 rows x 2 = 1304
  // reads; token 1 (4 cached): 1280 + 2 x 2 x 4 x 2 = 1312. Two layers: 2 x (1304 + 1312)
  // = 5232 reads. Writes: 2 layers x 2 tokens x 2 sequences x 2 (K, V) x 2 bursts = 32.
  const json::value v = run_stats("--backend tlm --workload llm-decode --model " + kTiny +
                                  " --batch 2 --context 3 --tokens 2 --layers 0");
  EXPECT_EQ(v.at("requests").at("reads").to_number<std::uint64_t>(), 5232u);
  EXPECT_EQ(v.at("requests").at("writes").to_number<std::uint64_t>(), 32u);
  EXPECT_TRUE(v.at("checks").at("clean").as_bool());
  EXPECT_EQ(v.at("run").at("workload").as_string(),
            "llm-decode: " + kTiny +
                ", batch 2, context 3, 2 token(s), all layers, bf16 weights, bf16 KV");
  EXPECT_EQ(v.at("run").at("parameters").at("batch").to_number<std::uint64_t>(), 2u);
  EXPECT_EQ(v.at("run").at("parameters").at("model").as_string(), kTiny);
  EXPECT_EQ(v.at("run").at("parameters").at("layers").to_number<std::uint64_t>(), 0u);
}

TEST(AiRun, PlanTellsWhatARunWillMoveWithoutRunningIt) {
  // The counts above: 5232 reads and 32 writes of 64 B.
  const test::CliRun r = test::run_mckit("run --workload llm-decode --model " + kTiny +
                                         " --batch 2 --context 3 --tokens 2 --layers 0 --plan");
  EXPECT_EQ(r.exit_code, 0) << r.output();
  EXPECT_NE(r.out.find("requests           5264 bursts of 64 B"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("bytes read         334848 "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("bytes written      2048 "), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("read latency"), std::string::npos);  // nothing ran
  // A microbenchmark's plan is counted on a copy: the same split its run then shows.
  const test::CliRun p = test::run_mckit("run --workload random --requests 1000 --plan");
  const json::value v = run_stats("--backend tlm --workload random --requests 1000");
  const auto reads = v.at("requests").at("reads").to_number<std::uint64_t>();
  EXPECT_NE(p.out.find("bytes read         " + std::to_string(64 * reads) + " "),
            std::string::npos) << p.out;
}

TEST(AiRun, InstancesRunAsSeparateCopies) {
  const std::string args = "--backend tlm --workload llm-decode --model " + kTiny +
                           " --batch 2 --context 3 --tokens 2 --layers 0";
  EXPECT_EQ(total(run_stats(args + " --instances 3")), 3 * 5264u);
}

TEST(AiRun, GeneratorsJoinedWithPlusRunTogether) {
  const std::string shape = " --model " + kTiny + " --batch 2 --context 3 --tokens 2 --layers 0";
  const json::value v = run_stats("--backend tlm --workload llm-decode+llm-decode" + shape);
  EXPECT_EQ(total(v), 2 * 5264u);
  EXPECT_TRUE(v.at("checks").at("clean").as_bool());
  // Each with its own default model: decode's a decoder, embedding's a table set.
  const test::CliRun plan = test::run_mckit(
      "run --workload llm-decode+embedding --layers 1 --weights-resident --batch 1 "
      "--context 8 --samples 2 --plan");
  EXPECT_EQ(plan.exit_code, 0) << plan.output();
  EXPECT_NE(plan.out.find("llm-decode: llama2-7b"), std::string::npos) << plan.out;
  EXPECT_NE(plan.out.find(" + embedding: dlrm-benchmark, 2 samples"), std::string::npos)
      << plan.out;
  const test::CliRun bad = test::run_mckit("run --workload llm-decode+zipf --plan");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.output().find("unknown workload 'llm-decode+zipf'"), std::string::npos)
      << bad.output();
}

TEST(AiRun, TheRtlRunsTheSameAiTraffic) {
  const std::string args = " --workload llm-decode --model " + kTiny +
                           " --batch 2 --context 3 --tokens 1 --layers 1";
  json::value rtl = run_stats("--backend rtl" + args);
  json::value tlm = run_stats("--backend tlm" + args);
  for (json::value* v : {&rtl, &tlm}) {
    v->as_object().erase("wall_seconds");
    v->at("run").as_object().erase("backend");
  }
  EXPECT_EQ(total(rtl), 1280u + 2 * 2 * 3 * 2 + 2 * 2 * 2);
  EXPECT_EQ(rtl, tlm);
}

TEST(AiRun, StaggerMovesTensorsOffTheirBoundariesAndNothingElse) {
  const std::string args = "--backend tlm --workload llm-decode --model " + kTiny +
                           " --batch 2 --context 3 --tokens 2 --layers 0";
  const json::value plain = run_stats(args);
  const json::value staggered = run_stats(args + " --stagger 1024");
  EXPECT_EQ(total(staggered), total(plain));
  EXPECT_TRUE(staggered.at("checks").at("clean").as_bool());
  EXPECT_GT(staggered.at("run").at("parameters").at("stagger").to_number<std::uint64_t>(), 0u);
  // Same bursts, other addresses: the DRAM sees other rows and banks (other row hits and
  // conflicts; the run's length may come out the same).
  EXPECT_NE(plain.at("rows"), staggered.at("rows"));
}

TEST(AiRun, ItsLengthComesFromTheModelNotRequests) {
  const test::CliRun r =
      test::run_mckit("run --backend tlm --workload llm-decode --requests 10 --model " + kTiny);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.output(),
            "mckit: llm-decode runs as many requests as its model and options make (--layers, "
            "--tokens, --batch, ...), not --requests\n");
}

TEST(AiRun, BadModelOrTypeExitsTwo) {
  test::CliRun r = test::run_mckit("run --backend tlm --workload llm-decode --model gpt-17");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output().find("gpt-17"), std::string::npos) << r.output();
  EXPECT_NE(r.output().find("llama2-7b"), std::string::npos) << r.output();  // the choices
  r = test::run_mckit("run --backend tlm --workload llm-decode --dtype fp8 --model " + kTiny);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.output(),
            "mckit: --dtype: unknown data type 'fp8' (expected fp32, bf16, fp16, int8 or int4)\n");
  r = test::run_mckit("run --backend tlm --workload embedding --model " + kTiny);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.output().rfind("mckit: ", 0), 0u) << r.output();
}

}  // namespace
}  // namespace mckit
