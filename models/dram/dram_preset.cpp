#include "dram/dram_preset.h"

#include <algorithm>
#include <boost/json.hpp>

#include "common/json_object_reader.h"
#include "common/shipped_config.h"

namespace mckit::dram {

namespace json = boost::json;

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

const ConfigKind kPresets{"dram", "preset", "preset"};

int plain_int(JsonObjectReader& r, const std::string& key) {
  return int(r.whole(key, 1, kMaxInteger));
}

// A cited value: {"value": N, "source": "..."}.
const json::value& cited(JsonObjectReader& r, const std::string& key) {
  JsonObjectReader entry = r.object(key);
  const std::string source = entry.text("source");
  if (source.find_first_not_of(" \t") == std::string::npos)
    entry.fail("source", "must cite where the value comes from");
  const json::value& value = entry.need("value");
  entry.reject_unknown();
  return value;
}
int cited_int(JsonObjectReader& r, const std::string& key) {
  return int(r.whole(cited(r, key), key + ".value", 1, kMaxInteger));
}
double cited_number(JsonObjectReader& r, const std::string& key) {
  return r.positive_number(cited(r, key), key + ".value");
}
int optional_cited_int(JsonObjectReader& r, const std::string& key) {
  return r.has(key) ? cited_int(r, key) : 0;
}

Organization read_organization(JsonObjectReader r) {
  Organization o;
  o.ranks = plain_int(r, "ranks");
  o.bank_groups = plain_int(r, "bank_groups");
  o.banks_per_group = plain_int(r, "banks_per_group");
  o.rows = plain_int(r, "rows");
  o.columns = plain_int(r, "columns");
  o.device_width = plain_int(r, "device_width");
  o.devices_per_rank = plain_int(r, "devices_per_rank");
  o.channel_width = plain_int(r, "channel_width");
  o.burst_length = plain_int(r, "burst_length");
  o.beats_per_clock = plain_int(r, "beats_per_clock");
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
      {"tWTR_S", &Timing::tWTR_S}, {"tCCD_S", &Timing::tCCD_S}, {"tRRD_S", &Timing::tRRD_S},
      {"tFAW", &Timing::tFAW},     {"tRFC", &Timing::tRFC},     {"tREFI", &Timing::tREFI}};
  return fields;
}

// The standard-specific timings, 0 when a preset leaves them out: the _L timings where the
// standard has one value for every pair of banks (DDR3 has no bank groups; LPDDR5 one tRRD),
// tRTRS where it has no ranks (HBM's pseudo channels), tPPD where the standard has none.
const std::vector<TimingField>& optional_timings() {
  static const std::vector<TimingField> fields = {
      {"tWTR_L", &Timing::tWTR_L},   {"tCCD_L", &Timing::tCCD_L},   {"tRRD_L", &Timing::tRRD_L},
      {"tRTRS", &Timing::tRTRS},
      {"tRCDWR", &Timing::tRCDWR},   {"tRPab", &Timing::tRPab},     {"tCCD_L_WR", &Timing::tCCD_L_WR},
      {"tPPD", &Timing::tPPD},
      {"tWPRE", &Timing::tWPRE},     {"tRFCsb", &Timing::tRFCsb},   {"tREFIsb", &Timing::tREFIsb},
      {"tRFCpb", &Timing::tRFCpb},   {"tREFIpb", &Timing::tREFIpb}, {"tRREFD", &Timing::tRREFD},
      {"tPBR2PBR", &Timing::tPBR2PBR}, {"tPBR2ACT", &Timing::tPBR2ACT},
      {"tREFSBRD", &Timing::tREFSBRD}};
  return fields;
}

Timing read_timing(JsonObjectReader r) {
  Timing t;
  t.tCK_ps = cited_number(r, "tCK_ps");
  for (const auto& [key, member] : required_timings()) t.*member = cited_int(r, key);
  for (const auto& [key, member] : optional_timings()) t.*member = optional_cited_int(r, key);
  r.reject_unknown();
  return t;
}

// The rules that tie timings together; each names the key it blames.
void check_consistency(const JsonObjectReader& r, const Timing& t, const Organization& o,
                       const std::string& standard) {
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
  rule(t.tRRD_L == 0 || t.tRRD_L >= t.tRRD_S, "tRRD_L", "tRRD_L must be >= tRRD_S");
  rule(t.tCCD_L == 0 || t.tCCD_L >= t.tCCD_S, "tCCD_L", "tCCD_L must be >= tCCD_S");
  rule(t.tWTR_L == 0 || t.tWTR_L >= t.tWTR_S, "tWTR_L", "tWTR_L must be >= tWTR_S");
  rule(o.ranks == 1 || t.tRTRS > 0, "tRTRS", "a preset of more than one rank needs tRTRS");
  rule(t.tCCD_S >= t.tBL, "tCCD_S", "tCCD_S must be >= tBL, or bursts overlap on the data bus");
  rule(t.tREFI > t.tRFC, "tREFI", "tREFI must be > tRFC");
  const std::int64_t beats = std::int64_t(t.tBL) * o.beats_per_clock;
  rule(beats == o.burst_length, "tBL",
       "tBL x beats_per_clock must equal burst_length (" + std::to_string(beats) +
           " != " + std::to_string(o.burst_length) + ")");
  // PRE to PRE spacing is a timing of JESD79-5, JESD209-5 and JESD238 only.
  const bool has_ppd = standard == "DDR5" || standard == "LPDDR5" || standard == "HBM3";
  rule(t.tPPD == 0 || has_ppd, "tPPD",
       standard + " has no tPPD (DDR5, LPDDR5 and HBM3 do)");
  rule(t.tCWL < t.tCL + t.tBL + 2, "tCWL", "tCWL must be < tCL + tBL + 2");
  if (o.bank_groups == 1) {
    for (const auto& [key, value] : {std::pair{"tCCD_L", t.tCCD_L}, {"tRRD_L", t.tRRD_L},
                                     {"tWTR_L", t.tWTR_L}})
      rule(value == 0, key,
           "a preset without bank groups has no _L timings: its one value is the _S timing");
  }
}

Power read_power(JsonObjectReader r) {
  Power p;
  p.devices = plain_int(r, "devices");
  JsonObjectReader domains = r.object("domains");
  for (const std::string& name : domains.keys()) {
    JsonObjectReader d = domains.object(name);
    PowerDomain pd;
    pd.name = name;
    pd.voltage = cited_number(d, "voltage");
    pd.idd0 = cited_number(d, "IDD0");
    pd.idd2n = cited_number(d, "IDD2N");
    pd.idd3n = cited_number(d, "IDD3N");
    pd.idd4r = cited_number(d, "IDD4R");
    pd.idd4w = cited_number(d, "IDD4W");
    pd.idd5b = cited_number(d, "IDD5B");
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

}  // namespace

DramPreset load_preset_file(const std::string& path) {
  const json::value root = read_json_object_file(path, "preset");
  JsonObjectReader r(path, root.get_object(), "");

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
  JsonObjectReader timing = r.object("timing");
  p.timing = read_timing(timing);
  check_consistency(timing, p.timing, p.org, p.standard);
  p.power = read_power(r.object("power"));
  r.reject_unknown();
  return p;
}

std::string preset_dir() { return config_dir(kPresets); }

std::optional<int> timing_value(const Timing& t, std::string_view name) {
  for (const auto* fields : {&required_timings(), &optional_timings()})
    for (const auto& [key, member] : *fields)
      if (name == key) return t.*member;
  return std::nullopt;
}

std::vector<std::string> shipped_preset_names() { return shipped_config_names(kPresets); }

DramPreset load_preset(const std::string& name_or_path) {
  return load_preset_file(shipped_or_path(kPresets, name_or_path));
}

}  // namespace mckit::dram
