// The command-log reader and `mckit check`: good logs, bad lines with their line numbers,
// bounded lines, a byte order mark, gzip and pipes, and the exit codes (0 clean, 1
// violations, 2 bad input).
#include <gtest/gtest.h>

#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <vector>

#include "common/input_error.h"
#include "dram/command_log.h"
#include "support/mckit_cli.h"

namespace mckit::dram {
namespace {

std::vector<LoggedCommand> parse(const std::string& text) {
  std::istringstream in(text);
  std::vector<LoggedCommand> out;
  read_command_log(in, "t.log", load_preset("ddr4-3200").org,
                   [&](const LoggedCommand& c) { out.push_back(c); });
  return out;
}

std::string parse_error(const std::string& text) {
  try {
    parse(text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(CommandLog, ReadsFieldsCommentsHexAndShortForms) {
  const auto cmds = parse(
      "# header\n"
      "\n"
      "0 ACT 0 1 2 0x10 0   # open row 16\n"
      "22 rd 0 1 2 16 0x20\n"
      "100 REF 0\n"
      "101\tPREA\t0\n");
  ASSERT_EQ(cmds.size(), 4u);
  EXPECT_EQ(cmds[0].line, 3u);
  EXPECT_EQ(cmds[0].command.cmd, Command::ACT);
  EXPECT_EQ(cmds[0].command.bank_group, 1u);
  EXPECT_EQ(cmds[0].command.bank, 2u);
  EXPECT_EQ(cmds[0].command.row, 16u);
  EXPECT_EQ(cmds[1].command.cmd, Command::RD);
  EXPECT_EQ(cmds[1].command.column, 32u);
  EXPECT_EQ(cmds[1].command.cycle, 22u);
  EXPECT_EQ(cmds[2].command.cmd, Command::REF);
  EXPECT_EQ(cmds[3].line, 6u);
}

TEST(CommandLog, BadLinesNameTheLine) {
  EXPECT_EQ(parse_error("0 ACT 0 0 0 1 0\n1 FOO 0 0 0 0 0\n"),
            "t.log:2: unknown command 'FOO' (expected NOP ACT PRE PREA RD RDA WR WRA REF REFpb "
            "REFsb)");
  EXPECT_EQ(parse_error("0 ACT 0 0 0 1\n"),
            "t.log:1: expected 7 fields (cycle command rank bank_group bank row column), got 6");
  EXPECT_EQ(parse_error("5 REF\n"),
            "t.log:1: expected 7 fields (cycle command rank bank_group bank row column) or 3 "
            "(cycle command rank), got 2");
  EXPECT_EQ(parse_error("0 ACT 0 0 0 x1 0\n"),
            "t.log:1: row must be a decimal or 0x-hex number, got 'x1'");
  EXPECT_EQ(parse_error("0 ACT 0 0 0 65536 0\n"),
            "t.log:1: row 65536 out of range (the preset has 65536)");
  EXPECT_EQ(parse_error("0 ACT 0 4 0 1 0\n"),
            "t.log:1: bank group 4 out of range (the preset has 4)");
  EXPECT_EQ(parse_error("9 ACT 0 0 0 1 0\n\n8 PRE 0 0 0 0 0\n"),
            "t.log:3: cycle 8 is before the previous command's cycle 9");
  EXPECT_EQ(parse_error("-1 ACT 0 0 0 1 0\n"),
            "t.log:1: cycle must be a decimal or 0x-hex number, got '-1'");
  // The checker counts cycles in int64 and adds timings to them.
  EXPECT_EQ(parse("4611686018427387904 REF 0\n").at(0).command.cycle, std::uint64_t(1) << 62);
  EXPECT_EQ(parse_error("0x4000000000000001 REF 0\n"),
            "t.log:1: cycle 0x4000000000000001 out of range (at most 4611686018427387904)");
  EXPECT_EQ(parse_error("18446744073709551615 NOP 0\n"),
            "t.log:1: cycle 18446744073709551615 out of range (at most 4611686018427387904)");
}

TEST(CommandLog, LinesAreAtMost4096BytesAndQuotedShortAndEscaped) {
  const std::string longest = "0 ACT 0 0 0 1 0" + std::string(4096 - 15, ' ');
  EXPECT_EQ(parse(longest + "\n" + "# " + std::string(4094, '-') + "\r\n").size(), 1u);
  EXPECT_EQ(parse_error("0 ACT 0 0 0 1 0\n# " + std::string(4095, '-') + "\n"),
            "t.log:2: line longer than 4096 bytes: '# " + std::string(78, '-') + "'...");
  EXPECT_EQ(parse_error(std::string(10000, '\0')),
            "t.log:1: line longer than 4096 bytes: '" + [] {
              std::string nuls;
              for (int i = 0; i < 20; ++i) nuls += "\\x00";  // 80 characters shown
              return nuls;
            }() + "'...");
  EXPECT_EQ(parse_error("1 A\x01\x1b[2J 0 0 0 0 0\n"),
            "t.log:1: unknown command 'A\\x01\\x1b[2J' (expected NOP ACT PRE PREA RD RDA WR WRA "
            "REF REFpb REFsb)");
  EXPECT_EQ(parse_error("0 ACT 0 0 0 " + std::string(300, '9') + "z 0\n"),
            "t.log:1: row must be a decimal or 0x-hex number, got '" + std::string(80, '9') +
                "'...");
}

TEST(CommandLog, AByteOrderMarkAtTheStartIsSkipped) {
  const auto cmds = parse("\xEF\xBB\xBF" "0 ACT 0 1 2 16 0\r\n22 RD 0 1 2 16 8\r\n");
  ASSERT_EQ(cmds.size(), 2u);
  EXPECT_EQ(cmds[0].command.cmd, Command::ACT);
  EXPECT_EQ(cmds[0].command.cycle, 0u);
}

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("mckit_log_" + std::to_string(::getpid()) + "_" + name))
      .string();
}

TEST(CommandLog, AGzipLogChecksAsThePlainOne) {
  const std::string log = "docs/examples/ddr4-3200-read-write.log";
  const std::string packed = temp_path("log.gz");
  ASSERT_EQ(std::system(("gzip -c " + log + " > " + packed).c_str()), 0);
  const LogCheckResult plain = check_command_log(log, load_preset("ddr4-3200"));
  const LogCheckResult inflated = check_command_log(packed, load_preset("ddr4-3200"));
  EXPECT_EQ(inflated.commands, plain.commands);
  EXPECT_EQ(inflated.last_cycle, plain.last_cycle);
  EXPECT_EQ(inflated.energy.total(), plain.energy.total());
  std::filesystem::remove(packed);
  EXPECT_EQ([&] {
    try {
      check_command_log(temp_path("missing.log"), load_preset("ddr4-3200"));
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  }(),
            temp_path("missing.log") + ": cannot open command log: No such file or directory");
}

TEST(CommandLog, CheckFindsViolationWithItsLine) {
  const LogCheckResult r =
      check_command_log(std::string(MCKIT_TEST_DATA) + "/logs/trcd_early.log", load_preset("ddr4-3200"));
  ASSERT_EQ(r.violations.size(), 1u);
  EXPECT_EQ(r.violations[0].first, 2u);
  EXPECT_EQ(r.violations[0].second.constraint, "tRCD");
  EXPECT_EQ(r.violations[0].second.cycles, 1u);
  EXPECT_EQ(r.commands, 2u);
}

TEST(CommandLog, ShippedExampleIsClean) {
  const LogCheckResult r =
      check_command_log("docs/examples/ddr4-3200-read-write.log", load_preset("ddr4-3200"));
  for (const auto& [line, v] : r.violations) ADD_FAILURE() << "line " << line << ": " << v.message();
  EXPECT_EQ(r.commands, 21u);
  EXPECT_EQ(r.last_cycle, 823u);
  EXPECT_GT(r.energy.total(), 0.0);
  EXPECT_EQ(r.energy.bits, 11u * 64 * 8);  // 8 reads (one RDA), 3 writes (one WRA)
}


TEST(MckitCheck, CleanLogExitsZero) {
  const test::CliRun r = test::run_mckit("check --preset ddr4-3200 docs/examples/ddr4-3200-read-write.log");
  EXPECT_EQ(r.exit_code, 0) << r.output();
  EXPECT_NE(r.output().find("0 violations in 21 commands"), std::string::npos) << r.output();
  EXPECT_NE(r.output().find("nJ"), std::string::npos) << r.output();
}

TEST(MckitCheck, ViolationExitsOneAndNamesTheLine) {
  const std::string log = std::string(MCKIT_TEST_DATA) + "/logs/trcd_early.log";
  const test::CliRun r = test::run_mckit("check --preset ddr4-3200 " + log);
  EXPECT_EQ(r.exit_code, 1) << r.output();
  EXPECT_NE(r.output().find(log + ":2: cycle 21: RD r0 bg0 b0 row 1 col 0: tRCD, 1 cycle early"),
            std::string::npos)
      << r.output();
}

TEST(MckitCheck, PerAndSameBankRefreshAtTheirEarliestAreClean) {
  const std::string data = std::string(MCKIT_TEST_DATA) + "/logs/";
  const test::CliRun pb = test::run_mckit("check --preset lpddr5-6400 " + data + "lpddr5_refpb.log");
  EXPECT_EQ(pb.exit_code, 0) << pb.output();
  EXPECT_NE(pb.output().find("0 violations in 6 commands over 145 cycles"), std::string::npos)
      << pb.output();
  const test::CliRun sb = test::run_mckit("check --preset ddr5-4800 " + data + "ddr5_refsb.log");
  EXPECT_EQ(sb.exit_code, 0) << sb.output();
  EXPECT_NE(sb.output().find("0 violations in 4 commands over 312 cycles"), std::string::npos)
      << sb.output();
}

TEST(MckitCheck, PerBankRefreshViolationsNameTheirLines) {
  const std::string log = std::string(MCKIT_TEST_DATA) + "/logs/lpddr5_refpb_early.log";
  const test::CliRun r = test::run_mckit("check --preset lpddr5-6400 " + log);
  EXPECT_EQ(r.exit_code, 1) << r.output();
  for (const std::string line : {":3: cycle 71: REFpb r0 bg0 b1: tpbR2pbR, 1 cycle early\n",
                                 ":4: cycle 95: ACT r0 bg2 b0 row 5: tRFCpb, 1 cycle early\n",
                                 ":5: cycle 200: REFpb r0 bg2 b0: refreshed bank open\n",
                                 ":6: cycle 300: REFsb r0 b1: not a command of this standard\n"})
    EXPECT_NE(r.output().find(log + line), std::string::npos) << line << r.output();
  EXPECT_NE(r.output().find("4 violations in 5 commands"), std::string::npos) << r.output();
}

TEST(MckitCheck, BadLineExitsTwoWithLineNumber) {
  const std::string log = std::string(MCKIT_TEST_DATA) + "/logs/unknown_command.log";
  const test::CliRun r = test::run_mckit("check --preset ddr4-3200 " + log);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.output(), "mckit: " + log + ":3: unknown command 'READ' (expected NOP ACT PRE PREA RD RDA WR WRA REF REFpb REFsb)\n");
}

TEST(MckitCheck, DevZeroFailsAtOnceWithTheLineLengthMessage) {
  // Under `timeout 20`, so that a reader that hangs fails the test rather than stalls it.
  const test::CliRun r =
      test::run_shell("timeout 20 " + std::string(MCKIT_BINARY) + " check --preset ddr4-3200 /dev/zero");
  EXPECT_EQ(r.exit_code, 2);
  std::string nuls;
  for (int i = 0; i < 20; ++i) nuls += "\\x00";  // 80 characters shown
  EXPECT_EQ(r.output(), "mckit: /dev/zero:1: line longer than 4096 bytes: '" + nuls + "'...\n");
}

TEST(MckitCheck, ALogThroughAPipeIsChecked) {
  const test::CliRun r = test::run_shell(
      "timeout 20 bash -c '" + std::string(MCKIT_BINARY) +
      " check --preset ddr4-3200 <(gzip -c docs/examples/ddr4-3200-read-write.log)'");
  EXPECT_EQ(r.exit_code, 0) << r.output();
  EXPECT_NE(r.output().find("0 violations in 21 commands over 823 cycles"), std::string::npos)
      << r.output();
}

// `mckit check` on a log of tests/data/logs.
test::CliRun check_log(const std::string& preset, const std::string& log_name) {
  return test::run_mckit("check --preset " + preset + " " + std::string(MCKIT_TEST_DATA) +
                         "/logs/" + log_name);
}

// DDR5's own rules: JESD79-5 lets four REFab be postponed, not five, and its RD-to-WR
// turnaround includes the 2-tCK write preamble.

TEST(MckitCheck, Ddr5FourPostponedRefreshesAreLegal) {
  const test::CliRun r = check_log("ddr5-4800", "ddr5_four_postponed.log");
  EXPECT_EQ(r.exit_code, 0) << r.output();
  EXPECT_NE(r.output().find("0 violations in 5 commands over 49631 cycles"), std::string::npos)
      << r.output();
}

TEST(MckitCheck, Ddr5FifthPostponedRefreshIsNamed) {
  const test::CliRun r = check_log("ddr5-4800", "ddr5_fifth_postponed.log");
  EXPECT_EQ(r.exit_code, 1) << r.output();
  EXPECT_NE(r.output().find(":2: cycle 46800: REF r0: tREFI: more than 4 refreshes postponed, "
                            "1 cycle late\n1 violation in 1 command over"),
            std::string::npos)
      << r.output();
}

TEST(MckitCheck, Ddr5ReadToWriteAtThePreambleGapIsLegal) {
  const test::CliRun r = check_log("ddr5-4800", "ddr5_rd_wr.log");
  EXPECT_EQ(r.exit_code, 0) << r.output();
  EXPECT_NE(r.output().find("0 violations in 3 commands over 53 cycles"), std::string::npos)
      << r.output();
}

TEST(MckitCheck, Ddr5ReadToWriteTwoCyclesEarlyIsNamed) {
  const test::CliRun r = check_log("ddr5-4800", "ddr5_rd_wr_early.log");
  EXPECT_EQ(r.exit_code, 1) << r.output();
  EXPECT_NE(r.output().find(":4: cycle 51: WR r0 bg0 b0 row 5 col 8: tRTW, 2 cycles early\n"
                            "1 violation in 3 commands"),
            std::string::npos)
      << r.output();
}

// HBM drives row commands and column commands on separate pins (JESD235/JESD238): one of
// each may share a clock, two of one kind may not; DDR4 has one command bus.

TEST(MckitCheck, HbmRowAndColumnCommandInOneCycleAreLegal) {
  const test::CliRun r = check_log("hbm2", "hbm2_row_and_column.log");
  EXPECT_EQ(r.exit_code, 0) << r.output();
  EXPECT_NE(r.output().find("0 violations in 5 commands over 200 cycles"), std::string::npos)
      << r.output();
}

TEST(MckitCheck, HbmTwoColumnCommandsInOneCycleAreNamed) {
  const test::CliRun r = check_log("hbm2", "hbm2_two_column.log");
  EXPECT_EQ(r.exit_code, 1) << r.output();
  EXPECT_NE(r.output().find(
                ":5: cycle 200: RD r0 bg1 b0 row 9 col 0: column bus: two commands in one cycle\n"),
            std::string::npos)
      << r.output();
}

// Two-clock commands hold their bus (docs/command-log.md#two-clock-commands): DDR5's ACT the
// CA bus, HBM's ACT the row bus; the log records the first clock, from which an HBM ACT's
// timings are one clock late.

TEST(MckitCheck, Ddr5CommandInAnActsSecondClockIsNamed) {
  const test::CliRun r = check_log("ddr5-4800", "ddr5_act_bus_early.log");
  EXPECT_EQ(r.exit_code, 1) << r.output();
  EXPECT_NE(r.output().find(":3: cycle 1: PRE r0 bg1 b0: command bus, 1 cycle early\n"
                            "1 violation in 3 commands"),
            std::string::npos)
      << r.output();
}

TEST(MckitCheck, HbmColumnBesideAnActsSecondClockRowCommandNot) {
  const test::CliRun r = check_log("hbm2", "hbm2_act_row_bus.log");
  EXPECT_EQ(r.exit_code, 1) << r.output();
  EXPECT_NE(r.output().find(":5: cycle 15: PRE r0 bg2 b0: row bus, 1 cycle early\n"
                            "1 violation in 4 commands"),
            std::string::npos)
      << r.output();
}

TEST(MckitCheck, HbmPrechargeToActivateIsTrpLessOne) {
  const test::CliRun ok = check_log("hbm2", "hbm2_pre_act.log");
  EXPECT_EQ(ok.exit_code, 0) << ok.output();
  EXPECT_NE(ok.output().find("0 violations in 3 commands"), std::string::npos) << ok.output();
  const test::CliRun early = check_log("hbm2", "hbm2_pre_act_early.log");
  EXPECT_EQ(early.exit_code, 1) << early.output();
  EXPECT_NE(early.output().find(":4: cycle 52: ACT r0 bg0 b0 row 8: tRP, 1 cycle early\n"
                                "1 violation in 3 commands"),
            std::string::npos)
      << early.output();
}

TEST(MckitCheck, Ddr4RowAndColumnCommandInOneCycleAreNamed) {
  const test::CliRun r = check_log("ddr4-3200", "ddr4_row_and_column.log");
  EXPECT_EQ(r.exit_code, 1) << r.output();
  EXPECT_NE(r.output().find(":4: cycle 100: RD r0 bg0 b0 row 7 col 0: command bus: two commands "
                            "in one cycle\n1 violation in 3 commands"),
            std::string::npos)
      << r.output();
}

TEST(MckitCheck, UnknownPresetExitsTwo) {
  const test::CliRun r = test::run_mckit("check --preset ddr9 docs/examples/ddr4-3200-read-write.log");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output().find("unknown preset 'ddr9'"), std::string::npos) << r.output();
}

}  // namespace
}  // namespace mckit::dram
