// `mckit run RUN.json`: option values from a JSON run file, overridden by the command line;
// bad files exit 2 naming the file and key; no progress bar when stderr is not a terminal.
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

#include "support/mckit_cli.h"

namespace {

const std::string kExample = "docs/examples/ddr4-random.run.json";  // tests run from the source root

std::filesystem::path temp_dir() {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("mckit_run_file_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

std::filesystem::path write_file(const std::string& name, const std::string& text) {
  const auto p = temp_dir() / name;
  std::ofstream(p) << text;
  return p;
}

TEST(RunFile, AppliesValuesAndCommandLineOverrides) {
  const mckit::test::CliRun r = mckit::test::run_mckit("run " + kExample + " --requests 500");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(mckit::test::table_row(r.out, "requests").rfind("500 (", 0), 0u) << r.out;
  EXPECT_EQ(mckit::test::table_row(r.out, "preset"), "DDR4-3200");
  EXPECT_EQ(mckit::test::table_row(r.out, "workload"), "random");
  EXPECT_EQ(mckit::test::table_row(r.out, "policy"), "frfcfs-cap, open page, ro-ba-ra-co-bg-ch + xor");
  EXPECT_EQ(r.err, "");
}

TEST(RunFile, CommandLineValueWinsOverFile) {
  const mckit::test::CliRun r = mckit::test::run_mckit("run --scheduler fcfs " + kExample + " --requests 300 --preset ddr5-4800");
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(mckit::test::table_row(r.out, "requests").rfind("300 (", 0), 0u) << r.out;
  EXPECT_EQ(mckit::test::table_row(r.out, "policy"), "fcfs, open page, ro-ba-ra-co-bg-ch + xor");
  EXPECT_EQ(mckit::test::table_row(r.out, "preset").find("DDR5"), 0u) << r.out;
}

TEST(RunFile, UnknownKeyExitsTwoNamingFileAndKey) {
  const auto p = write_file("unknown.run.json", R"({"requests": 10, "bogus-option": 1})");
  const mckit::test::CliRun r = mckit::test::run_mckit("run " + p.string());
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_NE(r.err.find(p.string()), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("'bogus-option'"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(RunFile, WrongTypeExitsTwoNamingFileAndKey) {
  for (const std::string& body : {std::string(R"({"requests": "many"})"),
                                  std::string(R"({"requests": -5})"),
                                  std::string(R"({"xor-hash": "yes", "requests": 10})"),
                                  std::string(R"({"preset": 4, "requests": 10})")}) {
    const auto p = write_file("type.run.json", body);
    const mckit::test::CliRun r = mckit::test::run_mckit("run " + p.string());
    EXPECT_EQ(r.exit_code, 2) << body << r.err;
    EXPECT_NE(r.err.find(p.string() + ": key '"), std::string::npos) << body << r.err;
  }
}

TEST(RunFile, InvalidJsonNamesTheLine) {
  const auto p = write_file("syntax.run.json", "{\n  \"requests\": 10,\n  \"seed\": \n}\n");
  const mckit::test::CliRun r = mckit::test::run_mckit("run " + p.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("mckit: " + p.string() + ":4: invalid JSON", 0), 0u) << r.err;
}

TEST(ProgressBar, StderrStaysEmptyWhenNotATerminal) {
  const mckit::test::CliRun r = mckit::test::run_mckit("run " + kExample);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  std::filesystem::remove_all(temp_dir());
}

}  // namespace
