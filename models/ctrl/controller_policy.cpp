#include "ctrl/controller_policy.h"

#include <boost/json.hpp>

#include "common/json_number.h"
#include "common/json_object_reader.h"
#include "common/shipped_config.h"

namespace mckit::ctrl {

namespace {

const ConfigKind kPolicies{"policies", "policy", "policy"};

constexpr int kQueueDepth = ControllerConfig{}.queue_depth;

}  // namespace

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
  if (r.has("refresh-kind"))
    c.refresh_kind = RefreshKind(r.choice("refresh-kind", "refresh kind", refresh_kind_names()));
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
  return p;
}

ControllerPolicy load_policy(const std::string& name_or_path) {
  return load_policy_file(shipped_or_path(kPolicies, name_or_path));
}

std::string policy_dir() { return config_dir(kPolicies); }

std::vector<std::string> shipped_policy_names() { return shipped_config_names(kPolicies); }

}  // namespace mckit::ctrl
