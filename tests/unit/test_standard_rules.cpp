// The standards' descriptions: the distance expressions evaluate as written (integers, timing
// names, + - *, max, min, parentheses), and a description with an unknown name, command,
// scope or key is refused with its file, row and what was expected.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "common/input_error.h"
#include "dram/dram_preset.h"
#include "dram/rule_expression.h"
#include "dram/standard_rules.h"

namespace mckit::dram {
namespace {

std::int64_t eval(const std::string& text) {
  Timing t;
  t.tCL = 22;
  t.tBL = 4;
  t.tCWL = 16;
  t.tWPRE = 2;
  return timing_expression(text, t, "f.json: rows[0]");
}

std::string error_of(const std::string& text) {
  try {
    eval(text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(RuleExpression, EvaluatesAsWritten) {
  EXPECT_EQ(eval("tCL + tBL + 2 - tCWL"), 12);
  EXPECT_EQ(eval("tCL + tBL + 2 - tCWL + tWPRE"), 14);
  EXPECT_EQ(eval("2 * tBL + 1"), 9);          // * before +
  EXPECT_EQ(eval("2 * (tBL + 1)"), 10);
  EXPECT_EQ(eval("tCWL - tCL - tBL"), -10);    // left to right
  EXPECT_EQ(eval("-tBL + 5"), 1);
  EXPECT_EQ(eval("max(tCL, tCWL + 7, 3)"), 23);
  EXPECT_EQ(eval("min(tCL, tCWL) - min(1, 2)"), 15);
  EXPECT_EQ(eval("tRPab"), 0);  // a timing the preset leaves out reads as 0
}

TEST(RuleExpression, RefusesWhatItCannotRead) {
  EXPECT_EQ(error_of("tCL + tXYZ"), "f.json: rows[0]: unknown name 'tXYZ' in 'tCL + tXYZ'");
  EXPECT_EQ(error_of("tCL +"), "f.json: rows[0]: expression ends early in 'tCL +'");
  EXPECT_EQ(error_of("(tCL + 1"), "f.json: rows[0]: missing ')' in '(tCL + 1'");
  EXPECT_EQ(error_of("tCL / 2"), "f.json: rows[0]: unexpected '/' in 'tCL / 2'");
  EXPECT_EQ(error_of("max tCL"), "f.json: rows[0]: '(' expected after max in 'max tCL'");
  EXPECT_EQ(error_of("tCK_ps"), "f.json: rows[0]: unknown name 'tCK_ps' in 'tCK_ps'");
}

class BadDescription : public ::testing::Test {
 protected:
  std::string path_ = (std::filesystem::temp_directory_path() /
                       ("mckit_rules_" + std::to_string(::getpid()) + ".json")).string();
  void TearDown() override { std::remove(path_.c_str()); }

  static constexpr const char* kOneBus =
      R"([{"name": "command", "commands": ["ACT", "PRE", "PREA", "RD", "RDA", "WR", "WRA", )"
      R"("REF"], "source": "s"}])";

  // A one-row description with `row` as the row's members and `buses` as its command buses.
  std::string error_with_row(const std::string& row, const std::string& buses = kOneBus) {
    std::ofstream(path_) << R"({"standard": "DDR4", "description": "d", "rows": [{)" << row
                         << R"(}], "command_buses": )" << buses
                         << R"(, "refresh": {"command": "REF", "interval": "tREFI",
                         "max_postponed": 8, "max_pulled_in": 8, "source": "s"}})";
    try {
      load_standard_rules_file(path_);
    } catch (const InputError& e) {
      return e.what();
    }
    return "(no error)";
  }
};

const std::string kGood =
    R"("name": "tRCD", "scope": "bank", "preceding": ["ACT"], "following": ["RD"], )"
    R"("source": "JESD79-4", )";

TEST_F(BadDescription, AWellFormedRowLoads) {
  EXPECT_EQ(error_with_row(kGood + R"("distance": "tRCD")"), "(no error)");
}

// A well-formed row and a bus of every command (REFpb too), then `kinds` as the refresh kinds.
std::string with_kinds(const std::string& path, const std::string& kinds) {
  std::ofstream(path) << R"({"standard": "DDR4", "description": "d", "rows": [{)" << kGood
                      << R"("distance": "tRCD"}], "command_buses": [{"name": "command",
                      "commands": ["ACT", "PRE", "PREA", "RD", "RDA", "WR", "WRA", "REF",
                      "REFpb"], "source": "s"}],
                      "refresh": {"command": "REF", "interval": "tREFI",
                      "max_postponed": 8, "max_pulled_in": 8, "source": "s"},
                      "refresh_kinds": )" << kinds << "}";
  try {
    load_standard_rules_file(path);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST_F(BadDescription, RefreshKindsNameTheirCommandAndPair) {
  EXPECT_EQ(with_kinds(path_, R"([{"kind": "per-bank", "command": "REFpb", "pair_offset": 8,
                                  "source": "s"}])"),
            "(no error)");
  EXPECT_EQ(with_kinds(path_, R"([{"kind": "per-bank", "command": "REFsb", "source": "s"}])"),
            path_ + ": refresh_kinds[0].kind: must be \"per-bank\" with command \"REFpb\" or "
                    "\"same-bank\" with command \"REFsb\"");
  EXPECT_EQ(with_kinds(path_, R"([{"kind": "same-bank", "command": "REFsb", "pair_offset": 8,
                                  "source": "s"}])"),
            path_ + ": refresh_kinds[0].pair_offset: only a per-bank refresh has a pair");
  EXPECT_EQ(with_kinds(path_, R"([{"kind": "per-bank", "command": "REFpb", "pair_offset": 6,
                                  "source": "s"}])"),
            path_ + ": refresh_kinds[0].pair_offset: must be a power of two");
}

TEST_F(BadDescription, UnknownNameNamesFileAndRow) {
  EXPECT_EQ(error_with_row(kGood + R"("distance": "tRCD + tFOO")"),
            path_ + ": rows[0] (tRCD): distance: unknown name 'tFOO' in 'tRCD + tFOO'");
}

TEST_F(BadDescription, UnknownCommandScopeOrKey) {
  EXPECT_EQ(error_with_row(R"("name": "x", "scope": "bank", "preceding": ["MRS"], )"
                           R"("following": ["RD"], "distance": "1", "source": "s")"),
            path_ + ": rows[0].preceding: unknown command 'MRS' (known: ACT, PRE, PREA, "
                    "RD, RDA, WR, WRA, REF, REFpb, REFsb)");
  EXPECT_EQ(error_with_row(R"("name": "x", "scope": "die", "preceding": ["ACT"], )"
                           R"("following": ["RD"], "distance": "1", "source": "s")"),
            path_ + ": rows[0].scope: unknown scope 'die' (known: bank, bank group, rank, "
                    "other bank group, other rank, channel)");
  EXPECT_EQ(error_with_row(kGood + R"("distance": "tRCD", "extra": 1)"),
            path_ + ": rows[0].extra: unknown key");
  EXPECT_EQ(error_with_row(R"("name": "x", "scope": "bank", "preceding": ["ACT"], )"
                           R"("following": ["RD"], "distance": "1")"),
            path_ + ": rows[0].source: missing key");
}

TEST_F(BadDescription, OtherBankGroupNeedsSingleBankCommands) {
  EXPECT_EQ(error_with_row(R"("name": "x", "scope": "other bank group", "preceding": ["REF"], )"
                           R"("following": ["ACT"], "distance": "1", "source": "s")"),
            path_ + ": rows[0].scope: 'other bank group' needs single-bank commands (not "
                    "PREA or a refresh)");
}

TEST_F(BadDescription, EveryCommandOnExactlyOneBus) {
  const std::string row = kGood + R"("distance": "tRCD")";
  EXPECT_EQ(error_with_row(row, R"([{"name": "row", "commands": ["ACT", "PRE", "PREA", "REF"], )"
                                R"("source": "s"}, {"name": "column", "commands": ["RD", "RDA", )"
                                R"("WR", "WRA"], "source": "s"}])"),
            "(no error)");
  EXPECT_EQ(error_with_row(row, R"([{"name": "row", "commands": ["ACT", "PRE", "PREA", "REF"], )"
                                R"("source": "s"}, {"name": "column", "commands": ["RD", "RDA", )"
                                R"("WR"], "source": "s"}])"),
            path_ + ": command_buses: no bus carries WRA");
  EXPECT_EQ(error_with_row(row, R"([{"name": "row", "commands": ["ACT", "PRE", "PREA", "REF"], )"
                                R"("source": "s"}, {"name": "column", "commands": ["RD", "RDA", )"
                                R"("WR", "WRA", "PRE"], "source": "s"}])"),
            path_ + ": command_buses[1].commands: PRE is on an earlier bus already");
  EXPECT_EQ(error_with_row(row, R"([{"name": "command", "commands": ["ACT", "PRE", "PREA", "RD", )"
                                R"("RDA", "WR", "WRA", "REF", "REFpb"], "source": "s"}])"),
            path_ + ": command_buses: carries REFpb, which the standard lacks (see "
                    "refresh_kinds)");
  EXPECT_EQ(error_with_row(row, "[]"),
            path_ + ": command_buses: must be a non-empty list of command buses");
}

TEST_F(BadDescription, MultiClockCommandsOfTheirOwnBus) {
  const std::string row = kGood + R"("distance": "tRCD")";
  const auto buses = [](const std::string& multi) {
    return R"([{"name": "row", "commands": ["ACT", "PRE", "PREA", "REF"], "source": "s", )"
           R"("multi_clock": )" + multi + R"(}, {"name": "column", "commands": ["RD", "RDA", )"
           R"("WR", "WRA"], "source": "s"}])";
  };
  EXPECT_EQ(error_with_row(row, buses(R"([{"commands": ["ACT"], "clocks": 2, "source": "s"}])")),
            "(no error)");
  EXPECT_EQ(error_with_row(row, buses(R"([{"commands": ["RD"], "clocks": 2, "source": "s"}])")),
            path_ + ": command_buses[0].multi_clock[0].commands: RD is not on this bus");
  EXPECT_EQ(error_with_row(row, buses(R"([{"commands": ["ACT"], "clocks": 1, "source": "s"}])")),
            path_ + ": command_buses[0].multi_clock[0].clocks: must be an integer from 2 to 4 "
                    "(got 1)");
  EXPECT_EQ(error_with_row(row, buses(R"([{"commands": ["ACT"], "clocks": 2}])")),
            path_ + ": command_buses[0].multi_clock[0].source: missing key");
  EXPECT_EQ(error_with_row(row, buses("[]")),
            path_ + ": command_buses[0].multi_clock: must be a non-empty list of {commands, "
                    "clocks, source}");
}

// Multi-clock commands as their standards give them: DDR5's ACT, RD, RDA, WR, WRA (JESD79-5),
// LPDDR5's ACT (ACT-1, ACT-2: JESD209-5), HBM's ACT on the row bus (JESD235, JESD238).
TEST(StandardRules, TwoClockCommandsAreTheStandards) {
  const auto two_clock = [](const StandardRules& r) {
    CommandSet set = 0;
    for (const CommandBus& b : r.buses)
      for (int k = 0; k < kCommandCount; ++k)
        if (b.clocks[std::size_t(k)] != 1) {
          EXPECT_EQ(b.clocks[std::size_t(k)], 2) << r.standard;
          set = CommandSet(set | command_bit(Command(k)));
        }
    return set;
  };
  const CommandSet act = command_bit(Command::ACT);
  const CommandSet column = command_bit(Command::RD) | command_bit(Command::RDA) |
                            command_bit(Command::WR) | command_bit(Command::WRA);
  EXPECT_EQ(two_clock(load_standard_rules("DDR3")), 0);
  EXPECT_EQ(two_clock(load_standard_rules("DDR4")), 0);
  EXPECT_EQ(two_clock(load_standard_rules("DDR5")), CommandSet(act | column));
  EXPECT_EQ(two_clock(load_standard_rules("LPDDR5")), act);
  EXPECT_EQ(two_clock(load_standard_rules("HBM2")), act);
  EXPECT_EQ(two_clock(load_standard_rules("HBM3")), act);
}

TEST(StandardRules, HbmHasARowAndAColumnBus) {
  // JESD235/JESD238: row commands (the single-bank REFSB too) on the R pins, column commands
  // on the C pins; the other standards drive every command on one command/address bus.
  const CommandSet row = command_bit(Command::ACT) | command_bit(Command::PRE) |
                         command_bit(Command::PREA) | command_bit(Command::REF);
  const CommandSet column = command_bit(Command::RD) | command_bit(Command::RDA) |
                            command_bit(Command::WR) | command_bit(Command::WRA);
  for (const char* s : {"HBM2", "HBM3"}) {
    const StandardRules rules = load_standard_rules(s);
    ASSERT_EQ(rules.buses.size(), 2u) << s;
    EXPECT_EQ(rules.buses[0].name, "row");
    EXPECT_EQ(rules.buses[0].commands, CommandSet(row | command_bit(Command::REFpb)));
    EXPECT_EQ(rules.buses[1].name, "column");
    EXPECT_EQ(rules.buses[1].commands, column);
  }
  const std::pair<const char*, CommandSet> one_bus[] = {
      {"DDR3", 0}, {"DDR4", 0}, {"DDR5", command_bit(Command::REFsb)},
      {"LPDDR5", command_bit(Command::REFpb)}};
  for (const auto& [s, partial_refresh] : one_bus) {
    const StandardRules rules = load_standard_rules(s);
    ASSERT_EQ(rules.buses.size(), 1u) << s;
    EXPECT_EQ(rules.buses[0].commands, CommandSet(row | column | partial_refresh)) << s;
  }
}

TEST(StandardRules, EveryKnownStandardHasItsDescription) {
  for (const std::string& standard : known_standards()) {
    const StandardRules rules = load_standard_rules(standard);
    EXPECT_EQ(rules.standard, standard);
    EXPECT_FALSE(rules.rows.empty());
    for (const ConstraintRow& row : rules.rows) EXPECT_FALSE(row.source.empty()) << row.where;
  }
}

TEST(StandardRules, PostponementAndPullInLimitsAreTheStandards) {
  // JESD79-5 allows 4 postponed and 4 pulled-in REFab; JESD79-3F, JESD79-4B, JESD209-5,
  // JESD235, JESD238 8 of each.
  EXPECT_EQ(load_standard_rules("DDR5").refresh.max_postponed, 4);
  EXPECT_EQ(load_standard_rules("DDR5").refresh.max_pulled_in, 4);
  for (const char* s : {"DDR3", "DDR4", "LPDDR5", "HBM2", "HBM3"}) {
    EXPECT_EQ(load_standard_rules(s).refresh.max_postponed, 8) << s;
    EXPECT_EQ(load_standard_rules(s).refresh.max_pulled_in, 8) << s;
  }
}

TEST(StandardRules, ARowPerStandardsOwnTimings) {
  // DDR3 has no bank groups and LPDDR5 one tRRD: their rows name the standard's one value
  // (written as the _S timing) across the rank. HBM's pseudo channels have no ranks.
  const auto rows_named = [](const char* standard, const std::string& name) {
    const StandardRules rules = load_standard_rules(standard);
    return std::count_if(rules.rows.begin(), rules.rows.end(),
                         [&](const ConstraintRow& r) { return r.name == name; });
  };
  for (const char* name : {"tRRD", "tCCD", "tWTR"}) EXPECT_GT(rows_named("DDR3", name), 0) << name;
  for (const char* name : {"tRRD_L", "tCCD_L", "tWTR_L", "tRRD_S", "tCCD_S", "tWTR_S"})
    EXPECT_EQ(rows_named("DDR3", name), 0) << name;
  EXPECT_EQ(rows_named("LPDDR5", "tRRD"), 2);  // ACT to ACT, and ACT to REFpb
  EXPECT_EQ(rows_named("LPDDR5", "tRRD_L") + rows_named("LPDDR5", "tRRD_S"), 0);
  for (const char* s : {"HBM2", "HBM3"}) EXPECT_EQ(rows_named(s, "tRTRS"), 0) << s;
}

}  // namespace
}  // namespace mckit::dram
