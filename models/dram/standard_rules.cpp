#include "dram/standard_rules.h"

#include <boost/json.hpp>

#include "common/input_error.h"
#include "common/json_number.h"
#include "common/json_object_reader.h"
#include "common/shipped_config.h"
#include "dram/rule_expression.h"

namespace mckit::dram {

namespace json = boost::json;

namespace {

constexpr std::pair<Scope, std::string_view> kScopes[] = {
    {Scope::Bank, "bank"},
    {Scope::BankGroup, "bank group"},
    {Scope::Rank, "rank"},
    {Scope::OtherBankGroup, "other bank group"},
    {Scope::OtherRank, "other rank"},
    {Scope::Channel, "channel"}};

// Every Timing integer is a name a row may use; tCK_ps is not an integer.
NameLookup timing_names(const Timing& t) {
  return [&t](std::string_view name) -> std::optional<std::int64_t> {
    if (const std::optional<int> v = timing_value(t, name)) return *v;
    return std::nullopt;
  };
}

constexpr char kCommandList[] = "ACT, PRE, PREA, RD, RDA, WR, WRA, REF, REFpb, REFsb";

CommandSet read_commands(JsonObjectReader& r, const std::string& key) {
  const json::value& v = r.need(key);
  if (!v.is_array() || v.get_array().empty())
    r.fail(key, std::string("must be a non-empty list of commands (") + kCommandList + ")");
  CommandSet set = 0;
  for (const json::value& item : v.get_array()) {
    const std::optional<Command> c =
        item.is_string() ? parse_command(std::string_view(item.get_string())) : std::nullopt;
    if (!c || *c == Command::NOP)
      r.fail(key, "unknown command " + json_text(item) + " (known: " + kCommandList + ")");
    set = CommandSet(set | command_bit(*c));
  }
  return set;
}

Scope read_scope(JsonObjectReader& r, const std::string& key) {
  const std::string name = r.non_empty_text(key);
  for (const auto& [s, text] : kScopes)
    if (name == text) return s;
  r.fail(key, "unknown scope '" + name +
                  "' (known: bank, bank group, rank, other bank group, other rank, channel)");
}

// The commands that touch several banks of a rank: rows about "the other bank group" cannot
// be measured from them.
constexpr CommandSet kRankWide = command_bit(Command::PREA) | command_bit(Command::REF) |
                                 command_bit(Command::REFpb) | command_bit(Command::REFsb);

// `at`: where the row sits in the file ("rows[3]").
ConstraintRow read_row(JsonObjectReader r, const std::string& file, const std::string& at,
                       const Timing& any) {
  ConstraintRow row;
  row.name = r.non_empty_text("name");
  row.where = file + ": " + at + " (" + row.name + ")";
  row.scope = read_scope(r, "scope");
  row.preceding = read_commands(r, "preceding");
  row.following = read_commands(r, "following");
  row.distance = r.non_empty_text("distance");
  if (r.has("window")) row.window = int(r.whole("window", 1, 64));
  row.source = r.non_empty_text("source");
  r.reject_unknown();
  check_expression(row.distance, timing_names(any), row.where + ": distance");
  if (row.scope == Scope::OtherBankGroup && ((row.preceding | row.following) & kRankWide))
    r.fail("scope", "'other bank group' needs single-bank commands (not PREA or a refresh)");
  if (row.window > 0 && (row.scope == Scope::OtherBankGroup || row.scope == Scope::OtherRank))
    r.fail("window", "a window counts commands of one bank, bank group, rank or channel");
  return row;
}

RefreshRule read_refresh(JsonObjectReader r, const std::string& file, const Timing& any) {
  if (r.non_empty_text("command") != "REF")
    r.fail("command", "must be \"REF\" (all-bank refresh)");
  RefreshRule rule;
  rule.interval = r.non_empty_text("interval");
  check_expression(rule.interval, timing_names(any), file + ": " + r.qualified("interval"));
  rule.max_postponed = int(r.whole("max_postponed", 0, 64));
  rule.max_pulled_in = int(r.whole("max_pulled_in", 0, 64));
  rule.source = r.non_empty_text("source");
  r.reject_unknown();
  return rule;
}

// `carried`: the commands of the buses before it, none of which it may carry again.
CommandBus read_bus(JsonObjectReader r, const std::string& file, CommandSet carried) {
  CommandBus bus;
  bus.name = r.non_empty_text("name");
  bus.commands = read_commands(r, "commands");
  if (const CommandSet twice = CommandSet(bus.commands & carried))
    r.fail("commands", std::string(command_name(Command(__builtin_ctz(twice)))) +
                           " is on an earlier bus already");
  bus.source = r.non_empty_text("source");
  bus.clocks.fill(1);
  if (r.has("multi_clock")) {
    const json::value& list = r.need("multi_clock");
    if (!list.is_array() || list.get_array().empty())
      r.fail("multi_clock", "must be a non-empty list of {commands, clocks, source}");
    for (std::size_t i = 0; i < list.get_array().size(); ++i) {
      const std::string at = "multi_clock[" + std::to_string(i) + "]";
      if (!list.get_array()[i].is_object()) r.fail(at, "must be an object");
      JsonObjectReader entry(file, list.get_array()[i].get_object(), r.qualified(at));
      const CommandSet set = read_commands(entry, "commands");
      if (const CommandSet other = CommandSet(set & ~bus.commands))
        entry.fail("commands", std::string(command_name(Command(__builtin_ctz(other)))) +
                                   " is not on this bus");
      const auto clocks = std::uint8_t(entry.whole("clocks", 2, 4));
      for (unsigned bits = set; bits != 0; bits &= bits - 1)
        bus.clocks[std::size_t(__builtin_ctz(bits))] = clocks;
      bus.clocks_sources.push_back(entry.non_empty_text("source"));
      entry.reject_unknown();
    }
  }
  r.reject_unknown();
  return bus;
}

RefreshKind read_refresh_kind(JsonObjectReader r) {
  RefreshKind k;
  k.kind = r.non_empty_text("kind");
  const std::string command = r.non_empty_text("command");
  if (k.kind == "per-bank" && command == "REFpb") k.command = Command::REFpb;
  else if (k.kind == "same-bank" && command == "REFsb") k.command = Command::REFsb;
  else
    r.fail("kind", "must be \"per-bank\" with command \"REFpb\" or \"same-bank\" with "
                   "command \"REFsb\"");
  if (r.has("pair_offset")) {
    if (k.command != Command::REFpb) r.fail("pair_offset", "only a per-bank refresh has a pair");
    k.pair_offset = int(r.whole("pair_offset", 1, 64));
    if ((k.pair_offset & (k.pair_offset - 1)) != 0) r.fail("pair_offset", "must be a power of two");
  }
  k.source = r.non_empty_text("source");
  r.reject_unknown();
  return k;
}

const ConfigKind kStandards{"standards", "standard", "standard description"};

}  // namespace

std::string_view scope_name(Scope s) {
  for (const auto& [scope, text] : kScopes)
    if (scope == s) return text;
  return "?";
}

std::int64_t timing_expression(const std::string& text, const Timing& t,
                               const std::string& where) {
  return evaluate_expression(text, timing_names(t), where);
}

StandardRules load_standard_rules_file(const std::string& path) {
  const json::value root = read_json_object_file(path, "standard description");
  JsonObjectReader top(path, root.get_object());
  StandardRules rules;
  rules.file = path;
  rules.standard = top.non_empty_text("standard");
  top.non_empty_text("description");
  const Timing names_only;  // every name known, values irrelevant for the check
  const json::value& rows = top.need("rows");
  if (!rows.is_array() || rows.get_array().empty())
    top.fail("rows", "must be a non-empty list of constraint rows");
  for (std::size_t i = 0; i < rows.get_array().size(); ++i) {
    const std::string at = "rows[" + std::to_string(i) + "]";
    const json::value& row = rows.get_array()[i];
    if (!row.is_object()) top.fail(at, "must be an object");
    rules.rows.push_back(
        read_row(JsonObjectReader(path, row.get_object(), at), path, at, names_only));
  }
  const json::value& buses = top.need("command_buses");
  if (!buses.is_array() || buses.get_array().empty())
    top.fail("command_buses", "must be a non-empty list of command buses");
  CommandSet carried = 0;
  for (std::size_t i = 0; i < buses.get_array().size(); ++i) {
    const std::string at = "command_buses[" + std::to_string(i) + "]";
    const json::value& bus = buses.get_array()[i];
    if (!bus.is_object()) top.fail(at, "must be an object");
    rules.buses.push_back(read_bus(JsonObjectReader(path, bus.get_object(), at), path, carried));
    carried = CommandSet(carried | rules.buses.back().commands);
  }
  rules.refresh = read_refresh(top.object("refresh"), path, names_only);
  if (top.has("refresh_kinds")) {
    const json::value& kinds = top.need("refresh_kinds");
    if (!kinds.is_array()) top.fail("refresh_kinds", "must be a list of refresh kinds");
    for (std::size_t i = 0; i < kinds.get_array().size(); ++i) {
      const std::string at = "refresh_kinds[" + std::to_string(i) + "]";
      const json::value& kind = kinds.get_array()[i];
      if (!kind.is_object()) top.fail(at, "must be an object");
      rules.kinds.push_back(read_refresh_kind(JsonObjectReader(path, kind.get_object(), at)));
      for (std::size_t k = 0; k + 1 < rules.kinds.size(); ++k)
        if (rules.kinds[k].command == rules.kinds.back().command)
          top.fail(at, "names " + rules.kinds.back().kind + " a second time");
    }
  }
  // The buses carry exactly the standard's commands: all but the partial refreshes it lacks.
  CommandSet has = CommandSet(~command_bit(Command::NOP) & ((1u << kCommandCount) - 1) &
                              ~command_bit(Command::REFpb) & ~command_bit(Command::REFsb));
  for (const RefreshKind& k : rules.kinds) has = CommandSet(has | command_bit(k.command));
  for (int k = 0; k < kCommandCount; ++k) {
    const CommandSet bit = command_bit(Command(k));
    if ((has & bit) && !(carried & bit))
      top.fail("command_buses", "no bus carries " + std::string(command_name(Command(k))));
    if (!(has & bit) && (carried & bit))
      top.fail("command_buses", "carries " + std::string(command_name(Command(k))) +
                                    ", which the standard lacks (see refresh_kinds)");
  }
  top.reject_unknown();
  return rules;
}

StandardRules load_standard_rules(const std::string& standard) {
  const std::string path = shipped_or_path(kStandards, standard);
  StandardRules rules = load_standard_rules_file(path);
  if (rules.standard != standard)
    throw InputError(path + ": standard: names '" + rules.standard + "', expected '" +
                     standard + "'");
  return rules;
}

}  // namespace mckit::dram
