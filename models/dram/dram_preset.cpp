#include "dram/dram_preset.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <set>
#include <sstream>

#include "common/input_error.h"
#include "common/json_file.h"
#include "common/json_number.h"

#ifndef MCKIT_SOURCE_CONFIG_DIR
#error "MCKIT_SOURCE_CONFIG_DIR must name the shipped configs/ folder"
#endif

namespace mckit::dram {

namespace json = boost::json;
namespace fs = std::filesystem;

std::uint64_t Organization::bytes_per_rank() const {
  return std::uint64_t(banks_per_rank()) * std::uint64_t(rows) * std::uint64_t(columns) *
         std::uint64_t(channel_width / 8);
}

double DramPreset::peak_bandwidth_gbps() const {
  return org.channel_width / 8.0 * org.beats_per_clock / timing.tCK_ps * 1000.0;
}

const std::vector<std::string>& known_standards() {
  static const std::vector<std::string> standards = {"DDR3", "DDR4", "DDR5",
                                                     "LPDDR5", "HBM2", "HBM3"};
  return standards;
}

namespace {

// Every integer of a preset (cycles, counts, widths) is at most 2^24 - 1, far above any real
// one, so that the rules' sums and the checker's cycle arithmetic stay far from overflow.
constexpr std::uint64_t kMaxInteger = (1u << 24) - 1;

// Reads one JSON object, remembering which keys were consumed so unknown ones are errors.
class ObjectReader {
 public:
  ObjectReader(const std::string& file, const json::object& obj, std::string path)
      : file_(file), obj_(obj), path_(std::move(path)) {}

  [[noreturn]] void fail(const std::string& key, const std::string& rule) const {
    throw InputError(file_ + ": " + qualified(key) + ": " + rule);
  }

  const json::value* find(const std::string& key) {
    seen_.insert(key);
    return obj_.if_contains(key);
  }

  const json::value& need(const std::string& key) {
    const json::value* v = find(key);
    if (!v) fail(key, "missing key");
    return *v;
  }

  std::string text(const std::string& key) {
    const json::value& v = need(key);
    if (!v.is_string()) fail(key, "must be a string");
    return std::string(v.get_string());
  }

  ObjectReader object(const std::string& key) {
    const json::value& v = need(key);
    if (!v.is_object()) fail(key, "must be an object");
    return ObjectReader(file_, v.get_object(), qualified(key));
  }

  int positive_int(const json::value& v, const std::string& key) const {
    const std::optional<std::uint64_t> n = json_whole(v, 1, kMaxInteger);
    if (!n) fail(key, "must be " + whole_rule(1, kMaxInteger) + " (got " + json_text(v) + ")");
    return int(*n);
  }

  double positive_number(const json::value& v, const std::string& key) const {
    const std::optional<double> d = json_real(v);
    if (!d || !(*d > 0)) fail(key, "must be a positive number (got " + json_text(v) + ")");
    return *d;
  }

  int plain_int(const std::string& key) { return positive_int(need(key), key); }

  // A cited value: {"value": N, "source": "..."}.
  const json::value& cited(const std::string& key) {
    ObjectReader entry = object(key);
    const std::string source = entry.text("source");
    if (source.find_first_not_of(" \t") == std::string::npos)
      entry.fail("source", "must cite where the value comes from");
    const json::value& value = entry.need("value");
    entry.reject_unknown();
    return value;
  }
  int cited_int(const std::string& key) { return positive_int(cited(key), key + ".value"); }
  double cited_number(const std::string& key) {
    return positive_number(cited(key), key + ".value");
  }
  int optional_cited_int(const std::string& key) {
    return obj_.contains(key) ? cited_int(key) : (seen_.insert(key), 0);
  }

  void reject_unknown() const {
    for (const auto& kv : obj_)
      if (!seen_.count(std::string(kv.key()))) fail(std::string(kv.key()), "unknown key");
  }

  std::vector<std::string> keys() const {
    std::vector<std::string> out;
    for (const auto& kv : obj_) out.emplace_back(kv.key());
    return out;
  }

  std::string qualified(const std::string& key) const {
    return path_.empty() ? key : path_ + "." + key;
  }

 private:
  const std::string& file_;
  const json::object& obj_;
  std::string path_;
  std::set<std::string> seen_;
};


Organization read_organization(ObjectReader r) {
  Organization o;
  o.ranks = r.plain_int("ranks");
  o.bank_groups = r.plain_int("bank_groups");
  o.banks_per_group = r.plain_int("banks_per_group");
  o.rows = r.plain_int("rows");
  o.columns = r.plain_int("columns");
  o.device_width = r.plain_int("device_width");
  o.devices_per_rank = r.plain_int("devices_per_rank");
  o.channel_width = r.plain_int("channel_width");
  o.burst_length = r.plain_int("burst_length");
  o.beats_per_clock = r.plain_int("beats_per_clock");
  if (r.text("source").empty()) r.fail("source", "must cite where the organization comes from");
  r.reject_unknown();

  const std::int64_t width = std::int64_t(o.device_width) * o.devices_per_rank;
  if (o.channel_width != width)
    r.fail("channel_width",
           "must equal device_width x devices_per_rank (" + std::to_string(width) + ")");
  if (std::uint64_t(o.bank_groups) * std::uint64_t(o.banks_per_group) > kMaxInteger)
    r.fail("banks_per_group", "bank_groups x banks_per_group must be at most " +
                                  std::to_string(kMaxInteger) + " banks");
  std::uint64_t bytes = std::uint64_t(o.channel_width / 8);
  for (const int n : {o.ranks, o.bank_groups, o.banks_per_group, o.rows, o.columns})
    if (__builtin_mul_overflow(bytes, std::uint64_t(n), &bytes) || bytes > (1ull << 62))
      r.fail("rows", "the organization would hold more than 2^62 bytes");
  if (o.channel_width % 8 != 0) r.fail("channel_width", "must be a whole number of bytes");
  if (o.columns % o.burst_length != 0)
    r.fail("columns", "must be a multiple of burst_length");
  // The figures derived from the organization stay within their types.
  if (std::int64_t(o.bank_groups) * o.banks_per_group > INT32_MAX)
    r.fail("banks_per_group", "bank_groups x banks_per_group must be at most " +
                                  std::to_string(INT32_MAX));
  if (std::int64_t(o.channel_width / 8) * o.burst_length > INT32_MAX)
    r.fail("burst_length", "a burst (channel_width / 8 x burst_length bytes) must be at most " +
                               std::to_string(INT32_MAX) + " bytes");
  std::uint64_t capacity = 1;
  for (const int factor : {o.ranks, o.banks_per_rank(), o.rows, o.columns, o.channel_width / 8})
    if (__builtin_mul_overflow(capacity, std::uint64_t(factor), &capacity))
      r.fail("rows", "the capacity (ranks x banks x rows x columns x channel_width / 8 bytes) "
                     "must be below 2^64 bytes");
  return o;
}

using TimingField = std::pair<const char*, int Timing::*>;

// Every integer timing a preset must give.
const std::vector<TimingField>& required_timings() {
  static const std::vector<TimingField> fields = {
      {"tRCD", &Timing::tRCD},     {"tRP", &Timing::tRP},       {"tRAS", &Timing::tRAS},
      {"tRC", &Timing::tRC},       {"tCL", &Timing::tCL},       {"tCWL", &Timing::tCWL},
      {"tBL", &Timing::tBL},       {"tRTP", &Timing::tRTP},     {"tWR", &Timing::tWR},
      {"tWTR_S", &Timing::tWTR_S}, {"tWTR_L", &Timing::tWTR_L}, {"tCCD_S", &Timing::tCCD_S},
      {"tCCD_L", &Timing::tCCD_L}, {"tRRD_S", &Timing::tRRD_S}, {"tRRD_L", &Timing::tRRD_L},
      {"tFAW", &Timing::tFAW},     {"tRFC", &Timing::tRFC},     {"tREFI", &Timing::tREFI},
      {"tRTRS", &Timing::tRTRS}};
  return fields;
}

// The standard-specific timings, 0 when a preset leaves them out.
const std::vector<TimingField>& optional_timings() {
  static const std::vector<TimingField> fields = {
      {"tRCDWR", &Timing::tRCDWR},   {"tRPab", &Timing::tRPab},     {"tCCD_L_WR", &Timing::tCCD_L_WR},
      {"tWPRE", &Timing::tWPRE},     {"tRFCsb", &Timing::tRFCsb},   {"tREFIsb", &Timing::tREFIsb},
      {"tRFCpb", &Timing::tRFCpb},   {"tREFIpb", &Timing::tREFIpb}, {"tRREFD", &Timing::tRREFD}};
  return fields;
}

Timing read_timing(ObjectReader r) {
  Timing t;
  t.tCK_ps = r.cited_number("tCK_ps");
  for (const auto& [key, member] : required_timings()) t.*member = r.cited_int(key);
  for (const auto& [key, member] : optional_timings()) t.*member = r.optional_cited_int(key);
  r.reject_unknown();
  return t;
}

// The rules that tie timings together; each names the key it blames.
void check_consistency(const ObjectReader& r, const Timing& t, const Organization& o) {
  auto rule = [&](bool ok, const char* key, const std::string& text) {
    if (!ok) r.fail(key, text);
  };
  rule(t.tRC >= t.tRAS + t.tRP, "tRC",
       "tRC must be >= tRAS + tRP (" + std::to_string(t.tRC) + " < " +
           std::to_string(t.tRAS + t.tRP) + ")");
  rule(t.tRAS >= t.tRCD, "tRAS", "tRAS must be >= tRCD");
  rule(t.tFAW >= 4 * t.tRRD_S, "tFAW",
       "tFAW must be >= 4 x tRRD_S (" + std::to_string(t.tFAW) + " < " +
           std::to_string(4 * t.tRRD_S) + ")");
  rule(t.tRRD_L >= t.tRRD_S, "tRRD_L", "tRRD_L must be >= tRRD_S");
  rule(t.tCCD_L >= t.tCCD_S, "tCCD_L", "tCCD_L must be >= tCCD_S");
  rule(t.tWTR_L >= t.tWTR_S, "tWTR_L", "tWTR_L must be >= tWTR_S");
  rule(t.tCCD_S >= t.tBL, "tCCD_S", "tCCD_S must be >= tBL, or bursts overlap on the data bus");
  rule(t.tREFI > t.tRFC, "tREFI", "tREFI must be > tRFC");
  const std::int64_t beats = std::int64_t(t.tBL) * o.beats_per_clock;
  rule(beats == o.burst_length, "tBL",
       "tBL x beats_per_clock must equal burst_length (" + std::to_string(beats) +
           " != " + std::to_string(o.burst_length) + ")");
  rule(t.tCWL < t.tCL + t.tBL + 2, "tCWL", "tCWL must be < tCL + tBL + 2");
  if (o.bank_groups == 1) {
    rule(t.tCCD_S == t.tCCD_L && t.tRRD_S == t.tRRD_L && t.tWTR_S == t.tWTR_L, "tCCD_L",
         "without bank groups the _S and _L timings must be equal");
  }
}

Power read_power(ObjectReader r) {
  Power p;
  p.devices = r.plain_int("devices");
  ObjectReader domains = r.object("domains");
  for (const std::string& name : domains.keys()) {
    ObjectReader d = domains.object(name);
    PowerDomain pd;
    pd.name = name;
    pd.voltage = d.cited_number("voltage");
    pd.idd0 = d.cited_number("IDD0");
    pd.idd2n = d.cited_number("IDD2N");
    pd.idd3n = d.cited_number("IDD3N");
    pd.idd4r = d.cited_number("IDD4R");
    pd.idd4w = d.cited_number("IDD4W");
    pd.idd5b = d.cited_number("IDD5B");
    d.reject_unknown();
    if (pd.idd3n < pd.idd2n) d.fail("IDD3N", "active standby IDD3N must be >= IDD2N");
    for (auto [cur, key] : {std::pair{pd.idd0, "IDD0"}, {pd.idd4r, "IDD4R"},
                            {pd.idd4w, "IDD4W"}, {pd.idd5b, "IDD5B"}})
      if (cur < pd.idd3n) d.fail(key, std::string(key) + " must be >= IDD3N");
    p.domains.push_back(pd);
  }
  if (p.domains.empty()) r.fail("domains", "needs at least one supply rail (e.g. VDD)");
  r.reject_unknown();
  return p;
}

std::string lower(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

DramPreset load_preset_file(const std::string& path) {
  const json::value root = read_json_file(path, "preset file");
  if (!root.is_object()) throw InputError(path + ": a preset must be a JSON object");
  ObjectReader r(path, root.get_object(), "");

  DramPreset p;
  p.file = path;
  p.name = r.text("name");
  p.standard = r.text("standard");
  p.description = r.text("description");
  const auto& standards = known_standards();
  if (std::find(standards.begin(), standards.end(), p.standard) == standards.end()) {
    std::string list;
    for (const auto& s : standards) list += (list.empty() ? "" : ", ") + s;
    r.fail("standard", "unknown standard '" + p.standard + "' (known: " + list + ")");
  }
  p.org = read_organization(r.object("organization"));
  ObjectReader timing = r.object("timing");
  p.timing = read_timing(timing);
  check_consistency(timing, p.timing, p.org);
  p.power = read_power(r.object("power"));
  r.reject_unknown();
  return p;
}

std::string preset_dir() {
  if (const char* env = std::getenv("MCKIT_CONFIG_DIR"); env && *env)
    return (fs::path(env) / "dram").string();
  return (fs::path(MCKIT_SOURCE_CONFIG_DIR) / "dram").string();
}

std::string standards_dir() {
  return (fs::path(preset_dir()).parent_path() / "standards").string();
}

std::optional<int> timing_value(const Timing& t, std::string_view name) {
  for (const auto* fields : {&required_timings(), &optional_timings()})
    for (const auto& [key, member] : *fields)
      if (name == key) return t.*member;
  return std::nullopt;
}

std::vector<std::string> shipped_preset_names() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(preset_dir(), ec))
    if (entry.path().extension() == ".json") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

DramPreset load_preset(const std::string& name_or_path) {
  const bool is_path = name_or_path.find('/') != std::string::npos ||
                       fs::path(name_or_path).extension() == ".json";
  if (is_path) return load_preset_file(name_or_path);

  const std::string wanted = lower(name_or_path);
  const std::vector<std::string> names = shipped_preset_names();
  for (const std::string& name : names)
    if (lower(name) == wanted) return load_preset_file((fs::path(preset_dir()) / (name + ".json")).string());

  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  throw InputError("unknown preset '" + name_or_path + "' (shipped: " + list +
                   "; or give the path of a preset .json file)");
}

}  // namespace mckit::dram
