// Controller policies (configs/policies): every shipped one loads with the values its file
// states and the controller's defaults elsewhere; names are found case-insensitively or taken
// as paths; each bad file is refused with one message naming the file and the key; and the
// tables in the docs that print policies and defaults agree with what the code loads.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "common/input_error.h"
#include "ctrl/controller_policy.h"

namespace mckit::ctrl {
namespace {

const std::string kBad = std::string(MCKIT_TEST_DATA) + "/bad_policies/";

// Every field, so that a difference anywhere shows which one.
void expect_same(const ControllerConfig& a, const ControllerConfig& b, const std::string& what) {
  EXPECT_EQ(a.scheduler, b.scheduler) << what;
  EXPECT_EQ(a.page_policy, b.page_policy) << what;
  EXPECT_EQ(a.mapping, b.mapping) << what;
  EXPECT_EQ(a.xor_bank_hash, b.xor_bank_hash) << what;
  EXPECT_EQ(a.age_cap, b.age_cap) << what;
  EXPECT_EQ(a.idle_timeout, b.idle_timeout) << what;
  EXPECT_EQ(a.write_high, b.write_high) << what;
  EXPECT_EQ(a.write_low, b.write_low) << what;
  EXPECT_EQ(a.refresh, b.refresh) << what;
  EXPECT_EQ(a.refresh_postpone, b.refresh_postpone) << what;
  EXPECT_EQ(a.queue_depth, b.queue_depth) << what;
  EXPECT_EQ(a.prefetch.kind, b.prefetch.kind) << what;
  EXPECT_EQ(a.prefetch.distance, b.prefetch.distance) << what;
  EXPECT_EQ(a.prefetch.degree, b.prefetch.degree) << what;
  EXPECT_EQ(a.prefetch.threshold, b.prefetch.threshold) << what;
  EXPECT_EQ(a.prefetch.throttle, b.prefetch.throttle) << what;
  EXPECT_EQ(a.prefetch.pressure, b.prefetch.pressure) << what;
}

TEST(ControllerPolicy, ShippedPoliciesAreTheDocumentedSet) {
  EXPECT_EQ(shipped_policy_names(),
            (std::vector<std::string>{"default", "fcfs-closed", "frfcfs-cap-adaptive",
                                      "high-bandwidth", "low-latency", "stream-prefetch"}));
  for (const std::string& name : shipped_policy_names()) {
    const ControllerPolicy p = load_policy(name);
    EXPECT_EQ(p.name, name) << "a policy's name is its file's";
    EXPECT_FALSE(p.description.empty()) << name;
    EXPECT_EQ(p.file, policy_dir() + "/" + name + ".json");
  }
}

TEST(ControllerPolicy, DefaultIsTheControllersDefaults) {
  expect_same(load_policy("default").config, ControllerConfig{}, "default");
}

// What each file changes, the rest being the controller's defaults.
TEST(ControllerPolicy, EachPolicySetsWhatItsFileStates) {
  std::map<std::string, ControllerConfig> want;
  ControllerConfig c;
  c.scheduler = Scheduler::Fcfs;
  c.page_policy = PagePolicy::Closed;
  want["fcfs-closed"] = c;
  c = {};
  c.scheduler = Scheduler::FrFcfsCap;
  c.page_policy = PagePolicy::Adaptive;
  c.age_cap = 256;
  c.idle_timeout = 32;
  want["frfcfs-cap-adaptive"] = c;
  c = {};
  c.scheduler = Scheduler::FrFcfs;
  c.page_policy = PagePolicy::Adaptive;
  c.idle_timeout = 32;
  want["low-latency"] = c;
  c = {};
  c.scheduler = Scheduler::FrFcfs;
  c.page_policy = PagePolicy::Open;
  c.xor_bank_hash = true;
  c.age_cap = 2048;
  c.write_high = 28;
  c.write_low = 4;
  want["high-bandwidth"] = c;
  c = {};
  c.prefetch.kind = PrefetcherKind::Stream;
  want["stream-prefetch"] = c;
  for (const auto& [name, config] : want) expect_same(load_policy(name).config, config, name);
}

// Each key lands in its own field.
TEST(ControllerPolicy, EveryKeySetsItsField) {
  ControllerConfig want;
  want.scheduler = Scheduler::Fcfs;
  want.page_policy = PagePolicy::Adaptive;
  want.mapping = Mapping::RoRaBaCoCh;
  want.xor_bank_hash = true;
  want.age_cap = 1000;
  want.idle_timeout = 100;
  want.write_high = 30;
  want.write_low = 2;
  want.refresh = false;
  want.refresh_postpone = 3;
  want.prefetch = {PrefetcherKind::Stride, 5, 6, 1, 70, 20};
  const ControllerPolicy p = load_policy(std::string(MCKIT_TEST_DATA) + "/policies/every_key.json");
  EXPECT_EQ(p.name, "every-key");
  expect_same(p.config, want, "every_key.json");
}

// The controller refuses, with the setting's name, a value outside the bounds the options and
// policy files share, however the configuration was built.
TEST(ControllerPolicy, ValidateUsesTheSettingsBounds) {
  ControllerConfig c;
  c.prefetch.throttle = 101;
  try {
    validate(c);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "prefetch-throttle must be 1..100 (got 101)");
  }
  c = {};
  c.refresh_postpone = 0;
  EXPECT_THROW(validate(c), InputError);
  c = {};
  EXPECT_NO_THROW(validate(c));
}

TEST(ControllerPolicy, NamesAreCaseInsensitiveAndPathsAreRead) {
  EXPECT_EQ(load_policy("LOW-Latency").file, policy_dir() + "/low-latency.json");
  const std::string path = std::string(MCKIT_TEST_DATA) + "/../../configs/policies/fcfs-closed.json";
  EXPECT_EQ(load_policy(path).file, path);
  EXPECT_EQ(load_policy(path).config.scheduler, Scheduler::Fcfs);
}

TEST(ControllerPolicy, UnknownNameListsTheShippedOnes) {
  try {
    load_policy("fastest");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "unknown policy 'fastest' (shipped: default, fcfs-closed, frfcfs-cap-adaptive, "
              "high-bandwidth, low-latency, stream-prefetch; or give the path of a policy "
              ".json file)");
  }
}

struct BadPolicy {
  std::string file;
  std::string message;  // after "PATH"
};

class BadPolicyFile : public ::testing::TestWithParam<BadPolicy> {};

TEST_P(BadPolicyFile, RefusedNamingFileAndKey) {
  const std::string path = kBad + GetParam().file;
  try {
    load_policy_file(path);
    FAIL() << "accepted " << path;
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), path + GetParam().message);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Files, BadPolicyFile,
    ::testing::Values(
        BadPolicy{"unknown_key.json", ": schedular: unknown key"},
        BadPolicy{"duplicate_key.json", ":5: duplicate key 'age-cap'"},
        BadPolicy{"age_cap_out_of_range.json",
                  ": age-cap: must be an integer from 1 to 65535 (got 70000)"},
        BadPolicy{"fractional_write_high.json",
                  ": write-high: must be an integer from 1 to 32 (got 20.5)"},
        BadPolicy{"negative_distance.json",
                  ": prefetch-distance: must be an integer from 0 to 15 (got -1)"},
        BadPolicy{"pressure_beyond_queue.json",
                  ": prefetch-pressure: must be an integer from 1 to 32 (got 33)"},
        BadPolicy{"string_idle_timeout.json",
                  ": idle-timeout: must be an integer from 1 to 65535 (got '64')"},
        BadPolicy{"string_xor_hash.json", ": xor-hash: must be true or false (got 'yes')"},
        BadPolicy{"unknown_scheduler.json",
                  ": scheduler: unknown scheduler 'lifo' (accepted: fcfs, frfcfs, frfcfs-cap)"},
        BadPolicy{"write_low_above_high.json",
                  ": write-low: the write queue's low watermark must be below its high one "
                  "(16 >= 8)"},
        BadPolicy{"queue_depth_16.json",
                  ": queue-depth: must be 32, the depth the controllers are built with (got 16)"},
        BadPolicy{"missing_name.json", ": name: missing key"},
        BadPolicy{"not_an_object.json", ": a policy must be a JSON object"}),
    [](const ::testing::TestParamInfo<BadPolicy>& info) {
      std::string name = info.param.file.substr(0, info.param.file.find('.'));
      for (char& ch : name)
        if (ch == '-') ch = '_';
      return name;
    });

TEST(ControllerPolicy, CannotOpenNamesTheFile) {
  try {
    load_policy("no/such/policy.json");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "no/such/policy.json: cannot open policy file");
  }
}

// The cells of the markdown table rows that start with "| `" in `path` (tests run from the
// source root), keyed by the first cell without its backquotes.
std::map<std::string, std::vector<std::string>> doc_rows(const std::string& path,
                                                         const std::string& heading) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << path;
  std::map<std::string, std::vector<std::string>> rows;
  bool in_section = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("#", 0) == 0) in_section = line == heading;
    if (!in_section || line.rfind("| `", 0) != 0) continue;
    std::vector<std::string> cells;
    std::stringstream s(line.substr(1));
    for (std::string cell; std::getline(s, cell, '|');) {
      const auto a = cell.find_first_not_of(" `"), b = cell.find_last_not_of(" `");
      cells.push_back(a == std::string::npos ? "" : cell.substr(a, b - a + 1));
    }
    rows[cells.front()] = cells;
  }
  return rows;
}

TEST(ControllerPolicyDocs, ShippedPoliciesTableMatchesTheFiles) {
  const auto rows = doc_rows("docs/policies.md", "## Shipped policies");
  ASSERT_EQ(rows.size(), shipped_policy_names().size());
  for (const std::string& name : shipped_policy_names()) {
    ASSERT_TRUE(rows.count(name)) << name;
    const ControllerConfig c = load_policy(name).config;
    const std::vector<std::string> want = {
        name,
        name_of(c.scheduler),
        name_of(c.page_policy),
        name_of(c.mapping),
        c.xor_bank_hash ? "yes" : "no",
        std::to_string(c.age_cap),
        std::to_string(c.idle_timeout),
        std::to_string(c.write_high) + " / " + std::to_string(c.write_low),
        c.refresh ? "on, postpone " + std::to_string(c.refresh_postpone) : "off",
        name_of(c.prefetch.kind)};
    const std::vector<std::string>& got = rows.at(name);
    ASSERT_GE(got.size(), want.size()) << name;
    for (std::size_t i = 0; i < want.size(); ++i) EXPECT_EQ(got[i], want[i]) << name << " column " << i;
  }
}

// A row per integer setting: | `key` | default | min..max | meaning |.
TEST(ControllerPolicyDocs, SettingsTableMatchesDefaultsAndBounds) {
  const auto rows = doc_rows("docs/policies.md", "## Keys");
  ControllerConfig defaults;
  for (const IntegerSetting& s : integer_settings()) {
    ASSERT_TRUE(rows.count(s.key)) << s.key;
    const std::vector<std::string>& cells = rows.at(s.key);
    ASSERT_GE(cells.size(), 3u) << s.key;
    EXPECT_EQ(cells[1], std::to_string(s.field(defaults))) << s.key;
    EXPECT_EQ(cells[2], std::to_string(s.min) + ".." + std::to_string(s.max)) << s.key;
  }
  const std::map<std::string, std::string> named = {
      {"scheduler", name_of(defaults.scheduler)},
      {"page-policy", name_of(defaults.page_policy)},
      {"mapping", name_of(defaults.mapping)},
      {"xor-hash", defaults.xor_bank_hash ? "true" : "false"},
      {"refresh", defaults.refresh ? "true" : "false"},
      {"refresh-kind", name_of(defaults.refresh_kind)},
      {"queue-depth", std::to_string(defaults.queue_depth)},
      {"prefetcher", name_of(defaults.prefetch.kind)}};
  for (const auto& [key, value] : named) {
    ASSERT_TRUE(rows.count(key)) << key;
    EXPECT_EQ(rows.at(key).at(1), value) << key;
  }
  EXPECT_EQ(rows.size(), integer_settings().size() + named.size()) << "a key the test misses";
}

TEST(ControllerPolicyDocs, PrefetcherTableMatchesDefaultsAndBounds) {
  const auto rows = doc_rows("docs/prefetchers.md", "# Memory-side prefetchers");
  ControllerConfig defaults;
  for (const std::string key : {"prefetch-distance", "prefetch-degree", "prefetch-threshold",
                                "prefetch-throttle", "prefetch-pressure"}) {
    const IntegerSetting& s = integer_setting(key);
    ASSERT_TRUE(rows.count("--" + key)) << key;
    const std::vector<std::string>& cells = rows.at("--" + key);
    EXPECT_EQ(cells[1], std::to_string(s.field(defaults))) << key;
    EXPECT_EQ(cells[2], std::to_string(s.min) + ".." + std::to_string(s.max)) << key;
  }
}

// docs/command-line.md's table of ranges: the row whose first cell names `--KEY` gives
// "MIN .. MAX" first.
TEST(ControllerPolicyDocs, CommandLineRangesMatchTheSettings) {
  std::ifstream in("docs/command-line.md");
  ASSERT_TRUE(in);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  for (const IntegerSetting& s : integer_settings()) {
    const std::string option = "`--" + std::string(s.key) + "`";
    int rows = 0;
    for (const std::string& line : lines) {
      if (line.rfind("| ", 0) != 0 || line.substr(0, line.find('|', 1)).find(option) == std::string::npos)
        continue;
      ++rows;
      const std::size_t cell = line.rfind("| ", line.size() - 3) + 2;
      EXPECT_EQ(line.substr(cell).rfind(std::to_string(s.min) + " .. " + std::to_string(s.max), 0), 0u)
          << line;
    }
    EXPECT_EQ(rows, 1) << option;
  }
}

}  // namespace
}  // namespace mckit::ctrl
