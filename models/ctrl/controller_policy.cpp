#include "ctrl/controller_policy.h"

#include <boost/json.hpp>
#include <stdexcept>

#include "common/input_error.h"
#include "common/json_object_reader.h"
#include "common/shipped_config.h"
#include "common/json_number.h"

namespace mckit::ctrl {

namespace {

const ConfigKind kPolicies{"policies", "policy", "policy"};

constexpr int kQueueDepth = ControllerConfig{}.queue_depth;

}  // namespace

const std::vector<IntegerSetting>& integer_settings() {
  static const std::vector<IntegerSetting> settings = {
      {"age-cap", 1, 65535, [](ControllerConfig& c) -> int& { return c.age_cap; }},
      {"idle-timeout", 1, 65535, [](ControllerConfig& c) -> int& { return c.idle_timeout; }},
      {"write-high", 1, kQueueDepth, [](ControllerConfig& c) -> int& { return c.write_high; }},
      {"write-low", 0, kQueueDepth - 1, [](ControllerConfig& c) -> int& { return c.write_low; }},
      {"refresh-postpone", 1, 8,
       [](ControllerConfig& c) -> int& { return c.refresh_postpone; }},
      {"prefetch-distance", 0, 15,
       [](ControllerConfig& c) -> int& { return c.prefetch.distance; }},
      {"prefetch-degree", 1, 15, [](ControllerConfig& c) -> int& { return c.prefetch.degree; }},
      {"prefetch-threshold", 0, 3,
       [](ControllerConfig& c) -> int& { return c.prefetch.threshold; }},
      {"prefetch-throttle", 1, 100,
       [](ControllerConfig& c) -> int& { return c.prefetch.throttle; }},
      {"prefetch-pressure", 1, kQueueDepth,
       [](ControllerConfig& c) -> int& { return c.prefetch.pressure; }},
  };
  return settings;
}

const IntegerSetting& integer_setting(const std::string& key) {
  for (const IntegerSetting& s : integer_settings())
    if (key == s.key) return s;
  throw std::logic_error("no integer setting '" + key + "'");
}

ControllerPolicy load_policy_file(const std::string& path) {
  const boost::json::value root = read_json_object_file(path, "policy");
  JsonObjectReader r(path, root.get_object());
  ControllerPolicy p;
  p.file = path;
  p.name = r.non_empty_text("name");
  p.description = r.non_empty_text("description");
  ControllerConfig& c = p.config;
  if (r.has("scheduler"))
    c.scheduler = Scheduler(r.choice("scheduler", "scheduler", scheduler_names()));
  if (r.has("page-policy"))
    c.page_policy = PagePolicy(r.choice("page-policy", "page policy", page_policy_names()));
  if (r.has("mapping")) c.mapping = Mapping(r.choice("mapping", "mapping", mapping_names()));
  if (r.has("xor-hash")) c.xor_bank_hash = r.flag("xor-hash");
  if (r.has("refresh")) c.refresh = r.flag("refresh");
  if (r.has("prefetcher"))
    c.prefetch.kind = PrefetcherKind(r.choice("prefetcher", "prefetcher", prefetcher_names()));
  // Both backends are built with queues of one depth: a policy may state it, not change it.
  if (r.has("queue-depth")) {
    const boost::json::value& v = r.need("queue-depth");
    if (!json_whole(v, kQueueDepth, kQueueDepth))
      r.fail("queue-depth", "must be " + std::to_string(kQueueDepth) +
                                ", the depth the controllers are built with (got " +
                                json_text(v) + ")");
  }
  for (const IntegerSetting& s : integer_settings())
    if (r.has(s.key)) s.field(c) = int(r.whole(s.key, std::uint64_t(s.min), std::uint64_t(s.max)));
  if (c.write_low >= c.write_high)
    r.fail(r.has("write-low") ? "write-low" : "write-high",
           "the write queue's low watermark must be below its high one (" +
               std::to_string(c.write_low) + " >= " + std::to_string(c.write_high) + ")");
  r.reject_unknown();
  try {
    validate(c);
  } catch (const InputError& e) {
    throw InputError(path + ": " + e.what());
  }
  return p;
}

ControllerPolicy load_policy(const std::string& name_or_path) {
  return load_policy_file(shipped_or_path(kPolicies, name_or_path));
}

std::string policy_dir() { return config_dir(kPolicies); }

std::vector<std::string> shipped_policy_names() { return shipped_config_names(kPolicies); }

}  // namespace mckit::ctrl
