// One command on the DFI-like command bus: at most one per tCK on each of the standard's command
// buses (HBM has a row and a column bus).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Command and its names (kCommandNames), generated with mc_pkg::cmd_e from
// models/ctrl/controller_fields.json (docs/fields.md).
#include "dram/encodings.h"

namespace mckit::dram {

constexpr int kCommandCount = int(kCommandNames.size());

std::string_view command_name(Command c);  // as the command log spells it: "PREA"
std::optional<Command> parse_command(std::string_view text);  // case-insensitive

constexpr bool is_read(Command c) { return c == Command::RD || c == Command::RDA; }
constexpr bool is_write(Command c) { return c == Command::WR || c == Command::WRA; }
constexpr bool is_column(Command c) { return is_read(c) || is_write(c); }
constexpr bool has_auto_precharge(Command c) { return c == Command::RDA || c == Command::WRA; }
// Refreshes of some banks of a rank: per-bank (REFpb) and same-bank (REFsb).
constexpr bool is_partial_refresh(Command c) { return c == Command::REFpb || c == Command::REFsb; }
constexpr bool is_refresh(Command c) { return c == Command::REF || is_partial_refresh(c); }

struct DramCommand {
  std::uint64_t cycle = 0;  // in tCK
  Command cmd = Command::NOP;
  std::uint32_t rank = 0;
  std::uint32_t bank_group = 0;
  std::uint32_t bank = 0;  // bank within its bank group
  std::uint32_t row = 0;
  std::uint32_t column = 0;
};

std::string describe(const DramCommand& c);  // "RD r0 bg1 b2 row 7 col 16"

}  // namespace mckit::dram
