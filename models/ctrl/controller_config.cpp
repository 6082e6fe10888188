#include "ctrl/controller_config.h"

#include <array>
#include <stdexcept>
#include <string_view>

#include "common/input_error.h"

namespace mckit::ctrl {

namespace {

template <typename E>
E parse(const std::string& what, const std::string& name, const std::vector<std::string>& names) {
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<E>(i);
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  throw InputError("unknown " + what + " '" + name + "' (accepted: " + list + ")");
}

constexpr int kDefaultQueueDepth = ControllerConfig{}.queue_depth;

template <std::size_t N>
std::vector<std::string> to_strings(const std::array<std::string_view, N>& names) {
  return {names.begin(), names.end()};
}

}  // namespace

const std::vector<IntegerSetting>& integer_settings() {
  static const std::vector<IntegerSetting> settings = {
      {"age-cap", 1, 65535, [](ControllerConfig& c) -> int& { return c.age_cap; }},
      {"idle-timeout", 1, 65535, [](ControllerConfig& c) -> int& { return c.idle_timeout; }},
      {"write-high", 1, kDefaultQueueDepth, [](ControllerConfig& c) -> int& { return c.write_high; }},
      {"write-low", 0, kDefaultQueueDepth - 1, [](ControllerConfig& c) -> int& { return c.write_low; }},
      {"refresh-postpone", 1, 8,
       [](ControllerConfig& c) -> int& { return c.refresh_postpone; }},
      {"prefetch-distance", 0, 15,
       [](ControllerConfig& c) -> int& { return c.prefetch.distance; }},
      {"prefetch-degree", 1, 15, [](ControllerConfig& c) -> int& { return c.prefetch.degree; }},
      {"prefetch-threshold", 0, 3,
       [](ControllerConfig& c) -> int& { return c.prefetch.threshold; }},
      {"prefetch-throttle", 1, 100,
       [](ControllerConfig& c) -> int& { return c.prefetch.throttle; }},
      {"prefetch-pressure", 1, kDefaultQueueDepth,
       [](ControllerConfig& c) -> int& { return c.prefetch.pressure; }},
  };
  return settings;
}

const IntegerSetting& integer_setting(const std::string& key) {
  for (const IntegerSetting& s : integer_settings())
    if (key == s.key) return s;
  throw std::logic_error("no integer setting '" + key + "'");
}

const std::vector<std::string>& scheduler_names() {
  static const std::vector<std::string> names = to_strings(kSchedulerNames);
  return names;
}
const std::vector<std::string>& page_policy_names() {
  static const std::vector<std::string> names = to_strings(kPagePolicyNames);
  return names;
}
const std::vector<std::string>& mapping_names() {
  static const std::vector<std::string> names = to_strings(kMappingNames);
  return names;
}
const std::vector<std::string>& prefetcher_names() {
  static const std::vector<std::string> names = to_strings(kPrefetcherKindNames);
  return names;
}
const std::vector<std::string>& refresh_kind_names() {
  static const std::vector<std::string> names = to_strings(kRefreshKindNames);
  return names;
}

Scheduler parse_scheduler(const std::string& n) { return parse<Scheduler>("scheduler", n, scheduler_names()); }
PagePolicy parse_page_policy(const std::string& n) { return parse<PagePolicy>("page policy", n, page_policy_names()); }
Mapping parse_mapping(const std::string& n) { return parse<Mapping>("mapping", n, mapping_names()); }
PrefetcherKind parse_prefetcher(const std::string& n) { return parse<PrefetcherKind>("prefetcher", n, prefetcher_names()); }
RefreshKind parse_refresh_kind(const std::string& n) { return parse<RefreshKind>("refresh kind", n, refresh_kind_names()); }
std::string name_of(Scheduler s) { return scheduler_names().at(std::size_t(s)); }
std::string name_of(PagePolicy p) { return page_policy_names().at(std::size_t(p)); }
std::string name_of(Mapping m) { return mapping_names().at(std::size_t(m)); }
std::string name_of(PrefetcherKind k) { return prefetcher_names().at(std::size_t(k)); }
std::string name_of(RefreshKind k) { return refresh_kind_names().at(std::size_t(k)); }

void validate(const ControllerConfig& c) {
  auto need = [](bool ok, const std::string& text) {
    if (!ok) throw InputError(text);
  };
  need(c.queue_depth > 0, "queue depth must be positive");
  need(c.write_high > 0 && c.write_high <= c.queue_depth,
       "write high watermark must be 1.." + std::to_string(c.queue_depth));
  need(c.write_low >= 0 && c.write_low < c.write_high,
       "write low watermark must be below the high one (" + std::to_string(c.write_low) +
           " >= " + std::to_string(c.write_high) + ")");
  ControllerConfig values = c;
  for (const IntegerSetting& s : integer_settings()) {
    const int v = s.field(values);
    need(v >= s.min && v <= s.max, std::string(s.key) + " must be " + std::to_string(s.min) +
                                       ".." + std::to_string(s.max) + " (got " +
                                       std::to_string(v) + ")");
  }
  need(c.prefetch.pressure <= c.queue_depth,
       "prefetch pressure must be 1.." + std::to_string(c.queue_depth) + " read-queue entries");
}

}  // namespace mckit::ctrl
