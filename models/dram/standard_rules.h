// A standard's description as data (configs/standards/<standard>.json): its constraint rows and
// its refresh limits, each citing the clause it comes from. The device model's checker
// evaluates these rows; it shares no formula with the controllers it judges.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "dram/dram_command.h"
#include "dram/dram_preset.h"

namespace mckit::dram {

// Where the preceding command is looked for, seen from the following one.
enum class Scope : std::uint8_t {
  Bank,            // the same bank
  BankGroup,       // any bank of the same bank group
  Rank,            // any bank of the same rank
  OtherBankGroup,  // a bank of another bank group of the same rank
  OtherRank,       // another rank of the channel
  Channel,         // anywhere on the channel
};

// A set of commands, one bit per Command.
using CommandSet = std::uint16_t;

constexpr CommandSet command_bit(Command c) { return CommandSet(1u << unsigned(c)); }

struct ConstraintRow {
  std::string name;  // the name a violation is reported under ("tRCD", "data bus")
  Scope scope = Scope::Bank;
  CommandSet preceding = 0, following = 0;
  std::string distance;  // cycles from the preceding command, an expression over the timings
  int window = 0;        // > 0: at most `window` preceding commands within `distance`
  std::string source;
  std::string where;  // "<file>: rows[3] (tRCD)", for messages
};

struct RefreshRule {
  std::string interval;  // expression: the refresh interval ("tREFI")
  int max_postponed = 0;  // REF that may come late: the next is due by (n + max + 1) intervals
  int max_pulled_in = 0;  // REF that may come early and count; more earn nothing
  std::string source;
};

// A command bus and the commands it carries, one per clock. Most standards have one; HBM has a
// row bus and a column bus, so a row and a column command may share a clock. A multi-clock
// command holds its bus for its clocks, from the clock the command log records.
struct CommandBus {
  std::string name;  // violations read "<name> bus: two commands in one cycle"
  CommandSet commands = 0;
  std::string source;
  std::array<std::uint8_t, kCommandCount> clocks{};  // per command: clocks it holds the bus (1)
  std::vector<std::string> clocks_sources;          // one per multi_clock entry
};

// A refresh of some banks the standard has besides all-bank REF ("refresh_kinds"): its
// command, and the banks it refreshes. Every bank keeps the all-bank deadline (`refresh`),
// whichever command refreshes it.
struct RefreshKind {
  std::string kind;                // "per-bank" (REFpb) or "same-bank" (REFsb)
  Command command = Command::REF;  // REFpb: the bank named; REFsb: that bank in every group
  int pair_offset = 0;  // > 0: REFpb refreshes its bank's pair too (rank-wide index XOR offset)
  std::string source;
};

struct StandardRules {
  std::string standard, file;
  std::vector<ConstraintRow> rows;
  std::vector<CommandBus> buses;  // every command of the standard on exactly one
  RefreshRule refresh;
  std::vector<RefreshKind> kinds;  // beyond all-bank REF
};

std::string_view scope_name(Scope s);

// Reads and checks a description file; every expression must use known timing names only.
// Throws InputError naming the file, the row and what was expected.
StandardRules load_standard_rules_file(const std::string& path);

// The shipped description of `standard` ("DDR4": configs/standards/ddr4.json, matched
// case-insensitively; under $MCKIT_CONFIG_DIR/standards when that is set).
StandardRules load_standard_rules(const std::string& standard);

// The expression's value for this preset; throws InputError naming `where` on an unknown name.
std::int64_t timing_expression(const std::string& text, const Timing& t, const std::string& where);

}  // namespace mckit::dram
