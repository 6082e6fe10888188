#include "ctrl/controller_config.h"

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

}  // namespace

const std::vector<std::string>& scheduler_names() {
  static const std::vector<std::string> names = {"fcfs", "frfcfs", "frfcfs-cap"};
  return names;
}
const std::vector<std::string>& page_policy_names() {
  static const std::vector<std::string> names = {"open", "closed", "adaptive"};
  return names;
}
const std::vector<std::string>& mapping_names() {
  static const std::vector<std::string> names = {"ro-ba-ra-co-ch", "ro-ra-ba-co-ch",
                                                 "ro-ba-ra-co-bg-ch"};
  return names;
}

const std::vector<std::string>& prefetcher_names() {
  static const std::vector<std::string> names = {"none", "nextline", "stream", "stride"};
  return names;
}

Scheduler parse_scheduler(const std::string& n) { return parse<Scheduler>("scheduler", n, scheduler_names()); }
PagePolicy parse_page_policy(const std::string& n) { return parse<PagePolicy>("page policy", n, page_policy_names()); }
Mapping parse_mapping(const std::string& n) { return parse<Mapping>("mapping", n, mapping_names()); }
PrefetcherKind parse_prefetcher(const std::string& n) { return parse<PrefetcherKind>("prefetcher", n, prefetcher_names()); }
std::string name_of(Scheduler s) { return scheduler_names().at(std::size_t(s)); }
std::string name_of(PagePolicy p) { return page_policy_names().at(std::size_t(p)); }
std::string name_of(Mapping m) { return mapping_names().at(std::size_t(m)); }
std::string name_of(PrefetcherKind k) { return prefetcher_names().at(std::size_t(k)); }

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
  need(c.age_cap > 0 && c.age_cap <= 65535, "age cap must be 1..65535 cycles");
  need(c.idle_timeout > 0 && c.idle_timeout <= 65535, "idle timeout must be 1..65535 cycles");
  need(c.refresh_postpone >= 1 && c.refresh_postpone <= 8,
       "refresh postponement must be 1..8 (the most any standard allows; DDR5 caps it at 4)");
  const PrefetchConfig& pf = c.prefetch;
  need(pf.distance >= 0 && pf.distance <= 15, "prefetch distance must be 0..15");
  need(pf.degree >= 1 && pf.degree <= 15, "prefetch degree must be 1..15");
  need(pf.threshold >= 0 && pf.threshold <= 3, "prefetch threshold must be 0..3");
  need(pf.throttle >= 1 && pf.throttle <= 100, "prefetch throttle must be 1..100 (% of the data bus)");
  need(pf.pressure >= 1 && pf.pressure <= c.queue_depth,
       "prefetch pressure must be 1.." + std::to_string(c.queue_depth) + " read-queue entries");
}

}  // namespace mckit::ctrl
