// Every way a command line, a run file, a preset, a model shape or a policy can be wrong ends the same:
// exit code 2 and one line `mckit: ...` on stderr that names the option, or the file and the
// key, and nothing else printed; outputs never destroy inputs; a failed write is a failure.
// And the AI workloads run with their defaults on the default preset.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/mckit_cli.h"

namespace fs = std::filesystem;

namespace {

const std::string kMax64 = "18446744073709551615";

// One command line and what it must do. "{dir}" in any text is the row's own temporary
// folder, where its files are written first.
struct Row {
  std::string name;
  std::string args;
  std::vector<std::pair<std::string, std::string>> files;  // name, content
  int exit_code = 2;
  std::string error;  // the whole stderr line, without "\n"
  bool ran = false;   // the run happened (its results table is on stdout) before the error
};

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string expand(std::string text, const std::string& dir) {
  for (std::size_t at; (at = text.find("{dir}")) != std::string::npos;)
    text.replace(at, 5, dir);
  return text;
}

// A file's content, or for kShippedPreset the shipped DDR4 preset's (read when the test runs,
// from the source root), to have a valid preset at a path of the row's own.
const std::string kShippedPreset = "<configs/dram/ddr4-3200.json>";
std::string content_of(const std::string& spec) {
  return spec == kShippedPreset ? read("configs/dram/ddr4-3200.json") : spec;
}

const std::string kTrace = "LD 0x0\nST 0x40\nLD 0x80\n";
const std::string kDuplicatePreset =
    "{\n  \"name\": \"DDR4-3200\",\n  \"timing\": {\n    \"tRCD\": {\"value\": 22, \"source\": "
    "\"a\"},\n    \"tRCD\": {\"value\": 30, \"source\": \"b\"}\n  }\n}\n";
const std::string kDuplicateModel =
    "{\n  \"name\": \"twice\",\n  \"layers\": 2,\n  \"kind\": \"decoder\",\n  \"layers\": 4\n}\n";

// /dev/zero's first line as a message quotes it: 80 characters of escapes.
const std::string kTwentyNuls = [] {
  std::string text;
  for (int i = 0; i < 20; ++i) text += "\\x00";
  return text;
}();
// The first 20 bytes of `gzip -n` of "LD 0x0\nST 0x40\n": a header and part of the data.
const std::string kTruncatedGzip(
    "\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03\xf3\x71\x51\x30\xa8\x30\xe0\x0a\x0e\x01", 20);

// gtest names a row by its command line when it fails.
void PrintTo(const Row& row, std::ostream* os) { *os << "mckit " << row.args; }

class CliError : public ::testing::TestWithParam<Row> {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("mckit_cli_errors_" + std::to_string(::getpid()) + "_" + GetParam().name);
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
};

TEST_P(CliError, ExitsWithOneLineNamingTheCause) {
  const Row& row = GetParam();
  const std::string dir = dir_.string();
  for (const auto& [name, content] : row.files)
    std::ofstream(dir_ / name, std::ios::binary) << content_of(content);

  // Bounded, so that a reader that hangs or fills memory fails its row instead of the suite.
  const mckit::test::CliRun r = mckit::test::run_shell("timeout 60 " + std::string(MCKIT_BINARY) +
                                                       " " + expand(row.args, dir));

  EXPECT_EQ(r.exit_code, row.exit_code) << r.output();
  EXPECT_EQ(r.err, expand(row.error, dir) + "\n");  // one line, the whole of stderr
  if (row.ran)
    EXPECT_EQ(mckit::test::table_row(r.out, "unanswered requests"), "0") << r.out;
  else
    EXPECT_EQ(r.out, "");  // nothing ran: no results table, no partial output
  // The inputs are intact, byte for byte, and no output or temporary was left beside them.
  std::size_t left = 0;
  for (const auto& [name, content] : row.files) {
    EXPECT_EQ(read(dir_ / name), content_of(content)) << name;
    ++left;
  }
  EXPECT_EQ(std::size_t(std::distance(fs::directory_iterator(dir_), fs::directory_iterator())),
            left);
}

std::vector<Row> rows() {
  const std::string ints = "must be an integer from 1 to " + kMax64;
  return {
      // Numbers on the command line: strict, in range, named.
      // A refresh kind the preset's standard lacks: one line, before any run.
      {"refresh_per_bank_on_ddr4", "run --preset ddr4-3200 --refresh per-bank", {}, 2,
       "mckit: DDR4-3200 (DDR4) has no per-bank refresh: it has all-bank only"},
      {"refresh_same_bank_on_hbm2", "run --preset hbm2 --refresh same-bank", {}, 2,
       "mckit: HBM2-2000 (HBM2) has no same-bank refresh: it has all-bank and per-bank"},
      {"refresh_per_bank_on_ddr5", "run --preset ddr5-4800 --refresh per-bank", {}, 2,
       "mckit: DDR5-4800B (DDR5) has no per-bank refresh: it has all-bank and same-bank"},
      {"refresh_unknown_kind", "run --refresh sometimes", {}, 2,
       "mckit: --refresh: unknown refresh kind 'sometimes' (accepted: all-bank, per-bank, same-bank)"},
      {"requests_negative", "run --requests -1", {}, 2,
       "mckit: --requests: " + ints + " (got '-1')"},
      {"requests_overflow", "run --requests 99999999999999999999", {}, 2,
       "mckit: --requests: " + ints + " (got '99999999999999999999')"},
      {"seed_negative", "run --seed -1", {}, 2,
       "mckit: --seed: must be an integer from 0 to " + kMax64 + " (got '-1')"},
      {"seed_exponent", "run --seed 1e20", {}, 2,
       "mckit: --seed: must be an integer from 0 to " + kMax64 + " (got '1e20')"},
      {"seed_hex", "run --seed 0x10", {}, 2,
       "mckit: --seed: must be an integer from 0 to " + kMax64 + " (got '0x10')"},
      {"rate_nan", "run --rate nan", {}, 2,
       "mckit: --rate: must be a finite number of at least 0.001 (got 'nan')"},
      {"rate_inf", "run --rate inf", {}, 2,
       "mckit: --rate: must be a finite number of at least 0.001 (got 'inf')"},
      {"rate_zero", "run --rate 0", {}, 2,
       "mckit: --rate: must be a finite number of at least 0.001 (got '0')"},
      {"outstanding_zero", "run --outstanding 0", {}, 2,
       "mckit: --outstanding: " + ints + " (got '0')"},
      {"read_fraction_above_one", "run --read-fraction 2", {}, 2,
       "mckit: --read-fraction: must be a number from 0 to 1 (got '2')"},
      {"age_cap_beyond_int", "run --age-cap 3000000000", {}, 2,
       "mckit: --age-cap: must be an integer from 1 to 65535 (got '3000000000')"},
      {"write_high_beyond_queue", "run --write-high 33", {}, 2,
       "mckit: --write-high: must be an integer from 1 to 32 (got '33')"},
      {"write_low_not_below_high", "run --write-low 8 --write-high 4", {}, 2,
       "mckit: --write-low (8) must be below --write-high (4)"},
      {"layers_negative", "run --workload llm-decode --layers -2", {}, 2,
       "mckit: --layers: must be an integer from 0 to " + kMax64 + " (got '-2')"},
      {"export_requests_negative", "trace export --requests -1 --format mckit -o {dir}/x", {}, 2,
       "mckit: --requests: " + ints + " (got '-1')"},
      // CLI11's own errors, and named choices.
      {"unknown_option", "run --foo", {}, 2,
       "mckit: The following argument was not expected: --foo"},
      {"missing_value", "run --requests", {}, 2, "mckit: --requests: 1 required UINT missing"},
      {"no_subcommand", "", {}, 2, "mckit: A subcommand is required"},
      {"unknown_scheduler", "run --scheduler lifo", {}, 2,
       "mckit: --scheduler: unknown scheduler 'lifo' (accepted: fcfs, frfcfs, frfcfs-cap)"},
      {"unknown_preset", "run --preset ddr9", {}, 2,
       "mckit: --preset: unknown preset 'ddr9' (shipped: ddr3-1600k, ddr4-3200, ddr5-4800, hbm2, hbm3, "
       "lpddr5-6400; or give the path of a preset .json file)"},
      {"unknown_workload", "run --workload zipf", {}, 2,
       "mckit: --workload: unknown workload 'zipf' (accepted: sequential, random, strided, "
       "hotspot, rw-mix, llm-decode, llm-prefill, attention, embedding, moe)"},
      {"unknown_model", "run --workload llm-decode --model gpt-17", {}, 2,
       "mckit: --model: unknown model 'gpt-17' (shipped: dlrm-benchmark, llama2-70b, llama2-7b, "
       "mixtral-8x7b, olmoe-1b-7b; or give the path of a model shape .json file)"},
      {"bad_size", "run --footprint 64MB", {}, 2,
       "mckit: --footprint: must be a size such as 65536, 64MiB or 4GiB (got '64MB')"},
      {"bad_waves_window", "run --waves {dir}/w.fst --waves-window 500:100", {}, 2,
       "mckit: --waves-window: must be START:END in cycles with START < END (got '500:100')"},
      // Duplicate keys, at any depth, named with their path and line.
      {"preset_duplicate_key", "run --preset {dir}/dup.json",
       {{"dup.json", kDuplicatePreset}}, 2,
       "mckit: --preset: {dir}/dup.json:5: duplicate key 'timing.tRCD'"},
      {"run_file_duplicate_key", "run {dir}/dup.run.json",
       {{"dup.run.json", "{\n  \"requests\": 10,\n  \"requests\": 20\n}\n"}}, 2,
       "mckit: {dir}/dup.run.json:3: duplicate key 'requests'"},
      {"model_duplicate_key", "run --workload llm-decode --model {dir}/dup-model.json",
       {{"dup-model.json", kDuplicateModel}}, 2,
       "mckit: {dir}/dup-model.json:5: duplicate key 'layers'"},
      // Run files: the file and the key, whatever is wrong with the value.
      {"run_file_wrong_type", "run {dir}/r.run.json", {{"r.run.json", R"({"requests": "many"})"}},
       2, "mckit: {dir}/r.run.json: key 'requests': must be an integer (got 'many')"},
      {"run_file_negative", "run {dir}/r.run.json", {{"r.run.json", R"({"requests": -5})"}}, 2,
       "mckit: {dir}/r.run.json: key 'requests': " + ints + " (got '-5')"},
      {"run_file_fraction", "run {dir}/r.run.json", {{"r.run.json", R"({"seed": 2.5})"}}, 2,
       "mckit: {dir}/r.run.json: key 'seed': must be an integer from 0 to " + kMax64 +
           " (got '2.5')"},
      {"run_file_huge", "run {dir}/r.run.json", {{"r.run.json", R"({"seed": 1e20})"}}, 2,
       "mckit: {dir}/r.run.json: key 'seed': must be an integer from 0 to " + kMax64 +
           " (got '1e+20')"},
      {"run_file_beyond_double", "run {dir}/r.run.json", {{"r.run.json", R"({"rate": 1e400})"}},
       2, "mckit: {dir}/r.run.json:1: number '1e400' is out of range"},
      {"run_file_out_of_range", "run {dir}/r.run.json",
       {{"r.run.json", R"({"read-fraction": 1.5})"}}, 2,
       "mckit: {dir}/r.run.json: key 'read-fraction': must be a number from 0 to 1 (got '1.5')"},
      {"run_file_flag", "run {dir}/r.run.json", {{"r.run.json", R"({"xor-hash": "yes"})"}}, 2,
       "mckit: {dir}/r.run.json: key 'xor-hash': must be true or false (got 'yes')"},
      {"run_file_text", "run {dir}/r.run.json", {{"r.run.json", R"({"preset": 4})"}}, 2,
       "mckit: {dir}/r.run.json: key 'preset': must be a string (got 4)"},
      {"run_file_choice", "run {dir}/r.run.json", {{"r.run.json", R"({"scheduler": "lifo"})"}},
       2,
       "mckit: {dir}/r.run.json: key 'scheduler': unknown scheduler 'lifo' (accepted: fcfs, "
       "frfcfs, frfcfs-cap)"},
      {"run_file_preset", "run {dir}/r.run.json", {{"r.run.json", R"({"preset": "ddr9"})"}}, 2,
       "mckit: {dir}/r.run.json: key 'preset': unknown preset 'ddr9' (shipped: ddr3-1600k, "
       "ddr4-3200, ddr5-4800, hbm2, hbm3, lpddr5-6400; or give the path of a preset .json file)"},
      {"run_file_size", "run {dir}/r.run.json", {{"r.run.json", R"({"hot-bytes": "1 MiB"})"}}, 2,
       "mckit: {dir}/r.run.json: key 'hot-bytes': must be a size such as 65536, 64MiB or 4GiB "
       "(got '1 MiB')"},
      // Controller policies: a name, a path, or a run file's "policy" key.
      {"unknown_policy", "run --policy fastest", {}, 2,
       "mckit: --policy: unknown policy 'fastest' (shipped: default, fcfs-closed, "
       "frfcfs-cap-adaptive, high-bandwidth, low-latency, stream-prefetch; or give the path of "
       "a policy .json file)"},
      {"policy_unknown_key", "run --policy {dir}/p.json",
       {{"p.json", R"({"name": "p", "description": "d", "schedular": "fcfs"})"}}, 2,
       "mckit: --policy: {dir}/p.json: schedular: unknown key"},
      {"policy_duplicate_key", "run --policy {dir}/p.json",
       {{"p.json", "{\n  \"name\": \"p\",\n  \"age-cap\": 128,\n  \"age-cap\": 256\n}\n"}}, 2,
       "mckit: --policy: {dir}/p.json:4: duplicate key 'age-cap'"},
      {"policy_out_of_range", "run --policy {dir}/p.json",
       {{"p.json", R"({"name": "p", "description": "d", "age-cap": 0})"}}, 2,
       "mckit: --policy: {dir}/p.json: age-cap: must be an integer from 1 to 65535 (got 0)"},
      {"policy_fraction", "run --policy {dir}/p.json",
       {{"p.json", R"({"name": "p", "description": "d", "write-low": 2.5})"}}, 2,
       "mckit: --policy: {dir}/p.json: write-low: must be an integer from 0 to 31 (got 2.5)"},
      {"policy_watermarks_with_option", "run --policy {dir}/p.json --write-high 8",
       {{"p.json", R"({"name": "p", "description": "d", "write-low": 12, "write-high": 16})"}},
       2, "mckit: policy p's write-low (12) must be below --write-high (8)"},
      {"run_file_policy", "run {dir}/r.run.json", {{"r.run.json", R"({"policy": "fastest"})"}},
       2,
       "mckit: {dir}/r.run.json: key 'policy': unknown policy 'fastest' (shipped: default, "
       "fcfs-closed, frfcfs-cap-adaptive, high-bandwidth, low-latency, stream-prefetch; or "
       "give the path of a policy .json file)"},
      {"refresh_postpone_zero", "run --refresh-postpone 0", {}, 2,
       "mckit: --refresh-postpone: must be an integer from 1 to 8 (got '0')"},
      // Even where the command line overrides it, a bad value in the file is refused.
      {"run_file_overridden", "run {dir}/r.run.json --requests 10",
       {{"r.run.json", R"({"requests": -5})"}}, 2,
       "mckit: {dir}/r.run.json: key 'requests': " + ints + " (got '-5')"},
      // Outputs: checked before the run, never onto an input, failed writes are failures.
      {"stats_to_directory", "run --backend tlm --requests 100000000 --stats {dir}", {}, 2,
       "mckit: cannot write --stats file '{dir}': it is a directory"},
      {"stats_to_directory_before_the_baseline",
       "run --backend tlm --prefetcher stream --requests 100000000 --stats {dir}", {}, 2,
       "mckit: cannot write --stats file '{dir}': it is a directory"},
      {"stats_in_missing_folder", "run --backend tlm --requests 100000000 --stats {dir}/no/s.json",
       {}, 2, "mckit: cannot write --stats file '{dir}/no/s.json': No such file or directory"},
      {"stats_to_full_device", "run --backend tlm --requests 100 --stats /dev/full", {}, 2,
       "mckit: cannot write --stats file '/dev/full': No space left on device", true},
      {"export_to_full_device", "trace export --requests 100 --format mckit -o /dev/full", {}, 2,
       "mckit: cannot write trace '/dev/full': No space left on device"},
      {"export_onto_its_input",
       "trace export --workload trace:{dir}/t.trace --format dramsim3 -o {dir}/t.trace",
       {{"t.trace", kTrace}}, 2,
       "mckit: trace '{dir}/t.trace' is the input '{dir}/t.trace': choose another output path"},
      {"stats_onto_the_trace", "run --backend tlm --workload trace:{dir}/t.trace --stats {dir}/./t.trace",
       {{"t.trace", kTrace}}, 2,
       "mckit: --stats file '{dir}/./t.trace' is the input '{dir}/t.trace': choose another "
       "output path"},
      {"stats_onto_the_run_file", "run {dir}/r.run.json --stats {dir}/r.run.json",
       {{"r.run.json", R"({"requests": 10, "backend": "tlm"})"}}, 2,
       "mckit: --stats file '{dir}/r.run.json' is the input '{dir}/r.run.json': choose another "
       "output path"},
      {"stats_onto_the_preset", "run --backend tlm --preset {dir}/p.json --stats {dir}/p.json",
       {{"p.json", kShippedPreset}}, 2,
       "mckit: --stats file '{dir}/p.json' is the input '{dir}/p.json': choose another output "
       "path"},
      {"gtkw_onto_the_run_file", "run {dir}/w.gtkw --waves {dir}/w.fst",
       {{"w.gtkw", R"({"requests": 10})"}}, 2,
       "mckit: the waves' .gtkw file '{dir}/w.gtkw' is the input '{dir}/w.gtkw': choose "
       "another output path"},
      // Traces: bounded lines, binary junk quoted short and escaped, formats told or refused,
      // and a bad line late in the file stops the run with no stats written.
      {"trace_dev_zero", "run --backend tlm --workload trace:/dev/zero", {}, 2,
       "mckit: /dev/zero:1: line longer than 4096 bytes: '" + kTwentyNuls + "'..."},
      {"check_dev_zero", "check --preset ddr4-3200 /dev/zero", {}, 2,
       "mckit: /dev/zero:1: line longer than 4096 bytes: '" + kTwentyNuls + "'..."},
      {"trace_nul_byte", "run --backend tlm --workload trace:{dir}/nul.trace",
       {{"nul.trace", std::string("LD 0x0\0\n", 8)}}, 2,
       "mckit: {dir}/nul.trace:1: expected an address after LD (0x and hex digits, or decimal), "
       "got '0x0\\x00'"},
      {"trace_truncated_gzip", "run --backend tlm --workload trace:{dir}/t.trace.gz",
       {{"t.trace.gz", kTruncatedGzip}}, 2,
       "mckit: {dir}/t.trace.gz: the gzip data is truncated: the file ends inside it"},
      {"trace_ramulator_cpu", "run --backend tlm --workload trace:{dir}/cpu.trace",
       {{"cpu.trace", "3 20734016 20734016\n1 20734080\n"}}, 2,
       "mckit: {dir}/cpu.trace:1: '3 20734016 20734016' is a line of a Ramulator CPU trace "
       "('BUBBLES ADDRESS [WRITEBACK-ADDRESS|R|W]': instructions between memory accesses, for "
       "Ramulator's core model), not a memory-request trace: mckit plays the requests that "
       "reach the memory, such as Ramulator's DRAM trace 'ADDRESS R|W'"},
      {"trace_format_unknown", "run --backend tlm --workload trace:{dir}/junk.trace",
       {{"junk.trace", "hello world\n"}}, 2,
       "mckit: {dir}/junk.trace:1: cannot tell the trace's format from 'hello world': expected "
       "'ADDRESS R|W' (ramulator), 'LD|ST ADDRESS' (ramulator2), 'ADDRESS READ|WRITE CYCLE' "
       "(dramsim3), 'CYCLE: read|write ADDRESS' (dramsys) or the header 'mckit-trace v1' "
       "(mckit), or give --trace-format"},
      {"trace_empty", "run --backend tlm --workload trace:{dir}/e.trace",
       {{"e.trace", "# nothing but a comment\n\n"}}, 2,
       "mckit: {dir}/e.trace: the trace has no requests"},
      {"trace_directory", "run --backend tlm --workload trace:{dir}", {}, 2,
       "mckit: {dir}: cannot open trace: Is a directory"},
      {"trace_late_bad_address",
       "run --backend tlm --workload trace:{dir}/far.trace --stats {dir}/s.json",
       {{"far.trace", "LD 0x0\nLD 0x999999999999\n"}}, 2,
       "mckit: {dir}/far.trace:2: expected an address below the memory's capacity of 8589934592 "
       "bytes (0x200000000), got 0x999999999999"},
      // What does not fit says what to change, with the bytes needed and held.
      {"decode_beyond_hbm2", "run --workload llm-decode --preset hbm2", {}, 2,
       "mckit: llm-decode with 1 layer of LLaMA-2 7B needs 421543936 bytes (402.02 MiB: "
       "weights 386 MiB in bf16, KV cache 16.02 MiB in bf16), but the memory holds 268435456 "
       "(256 MiB); try --dtype int8 or int4 for the weights, a smaller --context, --kv-dtype "
       "int8 or int4 for the KV cache, --weights-resident or a preset with more capacity"},
      {"moe_beyond_hbm2", "run --workload moe --preset hbm2", {}, 2,
       "mckit: moe with 1 layer of Mixtral 8x7B needs 2902458368 bytes (2.70 GiB: attention "
       "80 MiB, 8 experts 2.62 GiB in bf16), but the memory holds 268435456 (256 MiB); try "
       "--dtype int8 or int4, a model with smaller experts (--model olmoe-1b-7b) or a preset "
       "with more capacity"},
  };
}

INSTANTIATE_TEST_SUITE_P(Rows, CliError, ::testing::ValuesIn(rows()),
                         [](const ::testing::TestParamInfo<Row>& info) { return info.param.name; });

TEST(CliHelp, PrintsTheHelpAndExitsZero) {
  const mckit::test::CliRun r = mckit::test::run_mckit("run --help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("--requests"), std::string::npos) << r.out;
  EXPECT_EQ(r.err, "");
}

// The AI workloads with every option at its default, on the default preset (DDR4-3200,
// 8 GiB): one layer each where the model has layers. The request counts, worked out by hand:
struct DefaultRun {
  std::string workload;
  std::string requests;  // the table's "requests" row
};

void PrintTo(const DefaultRun& run, std::ostream* os) { *os << run.workload; }

class AiDefault : public ::testing::TestWithParam<DefaultRun> {};

TEST_P(AiDefault, RunsCleanOnTheDefaultPreset) {
  const mckit::test::CliRun r =
      mckit::test::run_mckit("run --backend tlm --workload " + GetParam().workload);
  ASSERT_EQ(r.exit_code, 0) << r.output();
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(mckit::test::table_row(r.out, "requests"), GetParam().requests);
  EXPECT_EQ(mckit::test::table_row(r.out, "timing violations"), "0");
  EXPECT_EQ(mckit::test::table_row(r.out, "data mismatches"), "0");
  EXPECT_EQ(mckit::test::table_row(r.out, "unanswered requests"), "0");
}

INSTANTIATE_TEST_SUITE_P(
    Workloads, AiDefault,
    ::testing::Values(
        // LLaMA-2 7B layer, bf16, 64 B bursts: weights 4 x 4096^2 + 3 x 4096 x 11008 elements
        // x 2 B / 64 = 6324224 reads; K and V of 1024 tokens x 4096 x 2 B / 64 = 262144
        // reads; the new token's K and V rows, 2 x 8192 B / 64 = 256 writes.
        DefaultRun{"llm-decode", "6586624 (6586368 reads, 256 writes)"},
        // Seq 512 (M = 512), 512-wide tiles: A read ceil(N / 512) times, B once, C written
        // once: Q, K, V, O (K = N = 4096) 4 x (8 x 4 MiB + 32 MiB) reads, gate and up
        // (N = 11008: 22 column tiles) 2 x (22 x 4 MiB + 86 MiB), down (K = 11008) 8 x 11 MiB
        // + 86 MiB: 12713984 bursts read; C: 512 x (5 x 4096 + 2 x 11008) x 2 B / 64 = 679936.
        DefaultRun{"llm-prefill", "13393920 (12713984 reads, 679936 writes)"},
        // Mixtral layer, batch 1, top-2: attention (2 x 4096^2 + 2 x 4096 x 1024) x 2 B / 64
        // = 1310720; two experts of 3 x 4096 x 14336 x 2 B / 64 = 5505024 each.
        DefaultRun{"moe", "12320768 (12320768 reads, 0 writes)"},
        // Seq 512, 32 heads of 128, 64-row blocks: Q once (4 MiB), K and V once per query
        // block (8 x 2 x 4 MiB): 1114112 reads; O written once: 65536.
        DefaultRun{"attention", "1179648 (1114112 reads, 65536 writes)"},
        // 1000 samples x 8 tables x 100 lookups of a 64 x bf16 = 2-burst row: 1600000 reads;
        // 1000 x 8 pooled rows of 2 bursts: 16000 writes.
        DefaultRun{"embedding", "1616000 (1600000 reads, 16000 writes)"}),
    [](const ::testing::TestParamInfo<DefaultRun>& info) {
      std::string name = info.param.workload;
      for (char& c : name)
        if (c == '-') c = '_';
      return name;
    });

}  // namespace
