#include "dram/standard_rules.h"

#include <algorithm>
#include <boost/json.hpp>
#include <set>

#include "common/input_error.h"
#include "common/json_file.h"
#include "common/json_number.h"
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

class RowReader {
 public:
  RowReader(const json::object& obj, std::string where) : obj_(obj), where_(std::move(where)) {}

  [[noreturn]] void fail(const std::string& key, const std::string& rule) const {
    throw InputError(where_ + ": " + key + ": " + rule);
  }

  const json::value& need(const std::string& key) {
    seen_.insert(key);
    const json::value* v = obj_.if_contains(key);
    if (!v) fail(key, "missing key");
    return *v;
  }

  bool has(const std::string& key) const { return obj_.contains(key); }

  std::string text(const std::string& key) {
    const json::value& v = need(key);
    if (!v.is_string() || v.get_string().empty()) fail(key, "must be a non-empty string");
    return std::string(v.get_string());
  }

  int whole(const std::string& key, std::uint64_t low, std::uint64_t high) {
    const json::value& v = need(key);
    const std::optional<std::uint64_t> n = json_whole(v, low, high);
    if (!n) fail(key, "must be " + whole_rule(low, high) + " (got " + json_text(v) + ")");
    return int(*n);
  }

  CommandSet commands(const std::string& key) {
    const json::value& v = need(key);
    if (!v.is_array() || v.get_array().empty())
      fail(key, "must be a non-empty list of commands (ACT, PRE, PREA, RD, RDA, WR, WRA, REF)");
    CommandSet set = 0;
    for (const json::value& item : v.get_array()) {
      const std::optional<Command> c =
          item.is_string() ? parse_command(std::string_view(item.get_string())) : std::nullopt;
      if (!c || *c == Command::NOP)
        fail(key, "unknown command " + json_text(item) +
                      " (known: ACT, PRE, PREA, RD, RDA, WR, WRA, REF)");
      set = CommandSet(set | command_bit(*c));
    }
    return set;
  }

  Scope scope(const std::string& key) {
    const std::string name = text(key);
    for (const auto& [s, text] : kScopes)
      if (name == text) return s;
    fail(key, "unknown scope '" + name +
                  "' (known: bank, bank group, rank, other bank group, other rank, channel)");
  }

  void reject_unknown() const {
    for (const auto& kv : obj_)
      if (!seen_.count(std::string(kv.key()))) fail(std::string(kv.key()), "unknown key");
  }

  const std::string& where() const { return where_; }

 private:
  const json::object& obj_;
  std::string where_;
  std::set<std::string> seen_;
};

// The commands that touch every bank of a rank: rows about "the other bank group" cannot
// be measured from them.
constexpr CommandSet kRankWide = command_bit(Command::PREA) | command_bit(Command::REF);

ConstraintRow read_row(RowReader r, const Timing& any) {
  ConstraintRow row;
  row.where = r.where();
  row.name = r.text("name");
  row.where += " (" + row.name + ")";
  row.scope = r.scope("scope");
  row.preceding = r.commands("preceding");
  row.following = r.commands("following");
  row.distance = r.text("distance");
  if (r.has("window")) row.window = r.whole("window", 1, 64);
  row.source = r.text("source");
  r.reject_unknown();
  check_expression(row.distance, timing_names(any), row.where + ": distance");
  if (row.scope == Scope::OtherBankGroup && ((row.preceding | row.following) & kRankWide))
    r.fail("scope", "'other bank group' needs single-bank commands (not PREA or REF)");
  if (row.window > 0 && (row.scope == Scope::OtherBankGroup || row.scope == Scope::OtherRank))
    r.fail("window", "a window counts commands of one bank, bank group, rank or channel");
  return row;
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
  const json::value root = read_json_file(path, "standard description");
  if (!root.is_object()) throw InputError(path + ": a standard description must be a JSON object");
  RowReader top(root.get_object(), path);
  StandardRules rules;
  rules.file = path;
  rules.standard = top.text("standard");
  top.text("description");
  const Timing names_only;  // every name known, values irrelevant for the check
  const json::value& rows = top.need("rows");
  if (!rows.is_array() || rows.get_array().empty())
    top.fail("rows", "must be a non-empty list of constraint rows");
  for (std::size_t i = 0; i < rows.get_array().size(); ++i) {
    const json::value& row = rows.get_array()[i];
    const std::string where = path + ": rows[" + std::to_string(i) + "]";
    if (!row.is_object()) throw InputError(where + ": must be an object");
    rules.rows.push_back(read_row(RowReader(row.get_object(), where), names_only));
  }
  const json::value& refresh = top.need("refresh");
  if (!refresh.is_object()) top.fail("refresh", "must be an object");
  RowReader r(refresh.get_object(), path + ": refresh");
  if (r.text("command") != "REF") r.fail("command", "must be \"REF\" (all-bank refresh)");
  rules.refresh.interval = r.text("interval");
  check_expression(rules.refresh.interval, timing_names(names_only), r.where() + ": interval");
  rules.refresh.max_postponed = r.whole("max_postponed", 0, 64);
  rules.refresh.source = r.text("source");
  r.reject_unknown();
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
