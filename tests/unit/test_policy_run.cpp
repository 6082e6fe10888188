// `mckit run --policy`: the run takes the policy's values, every controller option given on
// the command line or in a run file overrides them, and --stats records the policy with the
// values the run took. `mckit policies` lists the shipped ones.
#include <gtest/gtest.h>

#include <unistd.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/mckit_cli.h"

namespace mckit {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

const std::string kWorkload = " --backend tlm --workload random --requests 300 --seed 1";

fs::path temp_file(const std::string& name) {
  return fs::temp_directory_path() / ("mckit_policy_" + std::to_string(::getpid()) + "_" + name);
}

// The run's parameters from --stats, after checking it ran.
json::object run_parameters(const std::string& args, std::string* policy_row = nullptr) {
  const fs::path stats = temp_file("stats.json");
  const test::CliRun r = test::run_mckit("run" + kWorkload + " " + args + " --stats " +
                                         stats.string());
  EXPECT_EQ(r.exit_code, 0) << r.output();
  if (policy_row) *policy_row = test::table_row(r.out, "policy");
  std::ifstream in(stats);
  std::stringstream text;
  text << in.rdbuf();
  fs::remove(stats);
  return json::parse(text.str()).at("run").at("parameters").as_object();
}

TEST(PolicyRun, TakesThePolicysValuesAndRecordsIt) {
  std::string row;
  const json::object p = run_parameters("--policy low-latency", &row);
  EXPECT_EQ(row, "frfcfs, adaptive page, ro-ba-ra-co-bg-ch");
  EXPECT_EQ(p.at("policy"), "low-latency");
  EXPECT_EQ(std::string(p.at("policy_file").as_string()), fs::current_path().string() + "/configs/policies/low-latency.json");
  EXPECT_EQ(p.at("scheduler"), "frfcfs");
  EXPECT_EQ(p.at("page_policy"), "adaptive");
  EXPECT_EQ(p.at("age_cap"), 512);
  EXPECT_EQ(p.at("idle_timeout"), 32);
  EXPECT_EQ(p.at("write_high"), 24);
  EXPECT_EQ(p.at("write_low"), 8);
  EXPECT_EQ(p.at("refresh_postpone"), 8);
  EXPECT_EQ(p.at("queue_depth"), 32);
}

TEST(PolicyRun, WithoutPolicyTheDefaultIsRecorded) {
  std::string row;
  const json::object p = run_parameters("", &row);
  EXPECT_EQ(row, "frfcfs, open page, ro-ba-ra-co-bg-ch");
  EXPECT_EQ(p.at("policy"), "default");
  EXPECT_EQ(p.at("age_cap"), 512);
  EXPECT_EQ(p.at("write_high"), 24);
  EXPECT_EQ(p.at("write_low"), 8);
}

TEST(PolicyRun, CommandLineOptionsOverrideThePolicy) {
  std::string row;
  const json::object p =
      run_parameters("--policy high-bandwidth --page-policy closed --write-low 10", &row);
  EXPECT_EQ(row, "frfcfs, closed page, ro-ba-ra-co-bg-ch + xor");
  EXPECT_EQ(p.at("policy"), "high-bandwidth");
  EXPECT_EQ(p.at("write_low"), 10);    // the option's
  EXPECT_EQ(p.at("write_high"), 28);   // the policy's
  EXPECT_EQ(p.at("age_cap"), 2048);    // the policy's
  EXPECT_EQ(p.at("xor_hash"), true);   // the policy's
}

// A run file names a policy and overrides some of its values; --policy on the command line
// wins over the file's, and the file's options still override it.
TEST(PolicyRun, RunFilePolicyKey) {
  const fs::path run_file = temp_file("r.run.json");
  std::ofstream(run_file) << R"({"policy": "fcfs-closed", "age-cap": 100})";
  std::string row;
  json::object p = run_parameters(run_file.string(), &row);
  EXPECT_EQ(row, "fcfs, closed page, ro-ba-ra-co-bg-ch");
  EXPECT_EQ(p.at("policy"), "fcfs-closed");
  EXPECT_EQ(p.at("age_cap"), 100);
  p = run_parameters(run_file.string() + " --policy HIGH-BANDWIDTH", &row);
  EXPECT_EQ(row, "frfcfs, open page, ro-ba-ra-co-bg-ch + xor");
  EXPECT_EQ(p.at("policy"), "high-bandwidth");
  EXPECT_EQ(p.at("age_cap"), 100);
  EXPECT_EQ(p.at("write_low"), 4);
  fs::remove(run_file);
}

TEST(PolicyRun, PoliciesCommandListsEachWithItsDescription) {
  const test::CliRun r = test::run_mckit("policies");
  ASSERT_EQ(r.exit_code, 0) << r.output();
  EXPECT_EQ(r.err, "");
  const std::string header = r.out.substr(0, r.out.find('\n'));
  EXPECT_EQ(header.rfind("policy", 0), 0u) << header;
  for (const std::string name : {"default", "fcfs-closed", "frfcfs-cap-adaptive",
                                 "high-bandwidth", "low-latency", "stream-prefetch"}) {
    EXPECT_NE(r.out.find("\n" + name + " "), std::string::npos) << name << "\n" << r.out;
    EXPECT_NE(r.out.find("\n" + name + ": "), std::string::npos) << name << "\n" << r.out;
  }
  // One row's cells, as the file and the controller's defaults give them.
  const std::string row = test::table_row(r.out, "low-latency");
  std::istringstream cells(row);
  std::vector<std::string> got;
  for (std::string cell; cells >> cell;) got.push_back(cell);
  EXPECT_EQ(got, (std::vector<std::string>{"frfcfs", "adaptive", "ro-ba-ra-co-bg-ch", "no",
                                           "512", "32", "24/8", "postpone", "8", "none"}))
      << row;
}

}  // namespace
}  // namespace mckit
