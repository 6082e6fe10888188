#include "run_options.h"

#include "backend_name.h"
#include "common/input_error.h"
#include "common/quoted_text.h"
#include "option_values.h"
#include "size_arg.h"

namespace mckit::sim {

CycleWindow parse_waves_window(const std::string& text) {
  CycleWindow w;
  const auto colon = text.find(':');
  if (colon == std::string::npos || !parse_count(text.substr(0, colon), w.start) ||
      !parse_count(text.substr(colon + 1), w.end) || w.end <= w.start)
    throw InputError("must be START:END in cycles with START < END (got " +
                     quoted_excerpt(text) + ")");
  return w;
}

void add_run_options(CLI::App& cmd, RunOptions& o) {
  const auto choice = [](auto parse) {
    return checked_text([parse](const std::string& name) { parse(name); });
  };
  cmd.add_option("--preset", o.preset, "DRAM preset name or .json path")
      ->check(loadable_preset())
      ->capture_default_str();
  cmd.add_option("--backend", o.backend,
                 "controller: rtl (the Verilated mc_top) or tlm (the C++ reference controller)")
      ->check(choice(parse_backend))
      ->capture_default_str();
  cmd.add_option("--policy", o.policy,
                 "controller policy: a shipped one (mckit policies lists them) or a .json path; "
                 "the options below override its values")
      ->check(checked_text([](const std::string& name) { ctrl::load_policy(name); }))
      ->capture_default_str();
  cmd.add_option("--scheduler", o.scheduler, "fcfs, frfcfs or frfcfs-cap")
      ->check(choice(ctrl::parse_scheduler))
      ->capture_default_str();
  cmd.add_option("--page-policy", o.page_policy, "open, closed or adaptive")
      ->check(choice(ctrl::parse_page_policy))
      ->capture_default_str();
  cmd.add_option("--mapping", o.mapping, "ro-ba-ra-co-ch, ro-ra-ba-co-ch or ro-ba-ra-co-bg-ch")
      ->check(choice(ctrl::parse_mapping))
      ->capture_default_str();
  cmd.add_flag("--xor-hash", o.controller.xor_bank_hash,
               "XOR bank and bank-group bits with low row bits");
  // The integer settings, with the bounds a policy file has too.
  const auto add_setting = [&](const char* key, const std::string& help) {
    const ctrl::IntegerSetting& s = ctrl::integer_setting(key);
    add_number(cmd, std::string("--") + key, s.field(o.controller),
               help + ": " + std::to_string(s.min) + ".." + std::to_string(s.max),
               NumberRange<int>{s.min, s.max});
  };
  add_setting("age-cap",
              "cycles a request may wait before it goes first (writes under every scheduler, "
              "reads under fcfs and frfcfs-cap)");
  add_setting("idle-timeout", "cycles an idle row stays open (adaptive)");
  add_setting("write-high", "write queue entries that start a drain");
  add_setting("write-low", "write queue entries that end a drain, below --write-high");
  cmd.add_flag("--no-refresh", o.no_refresh,
               "issue no refresh (the device still checks the deadline)");
  cmd.add_option("--refresh", o.refresh_kind,
                 "all-bank, per-bank (LPDDR5, HBM2, HBM3) or same-bank (DDR5) refresh")
      ->check(choice(ctrl::parse_refresh_kind))
      ->capture_default_str();
  add_setting("refresh-postpone", "refreshes a rank may owe before one is forced");
  cmd.add_option("--prefetcher", o.prefetcher,
                 "memory-side prefetcher: none, nextline, stream or stride; with one, the run "
                 "is compared with the same run without it")
      ->check(choice(ctrl::parse_prefetcher))
      ->capture_default_str();
  add_setting("prefetch-distance",
              "offset of the first candidate, in bursts (strides for stride)");
  add_setting("prefetch-degree", "candidates per prediction");
  add_setting("prefetch-threshold", "stride: confidence needed before it predicts");
  add_setting("prefetch-throttle", "% of data-bus cycles prefetch reads may take");
  add_setting("prefetch-pressure", "read-queue entries from which prefetch candidates are dropped");
  cmd.add_flag("--plan", o.plan_only,
               "print what the workload will move (requests, bytes, footprint) and stop");
  add_number(cmd, "--outstanding", o.outstanding,
             "requests in flight at most (closed loop: the next goes when one completes)",
             NumberRange<std::uint64_t>{1});
  add_number(cmd, "--rate", o.rate_gbps,
             "open loop: offer requests at this many GB/s (at least 0.001) whatever the "
             "controller does; without it, closed loop",
             NumberRange<double>{0.001})
      ->default_str("");  // unset: closed loop, no rate to show
  add_workload_options(cmd, o.workload);
  cmd.add_option("--stats", o.stats, "write every statistic of the run to a JSON file");
  cmd.add_option("--waves", o.waves, "write the RTL's waves to a .fst or .vcd file");
  cmd.add_option("--waves-window", o.waves_window, "only cycles START:END in the waves")
      ->check(checked_text([](const std::string& text) { parse_waves_window(text); }));
  cmd.add_option("run_file", o.run_file,
                 "JSON file of option values, keyed by long option name (docs/run-file.md); "
                 "options on the command line override it");
}

ctrl::ControllerPolicy resolve_policy(const CLI::App& cmd, const RunOptions& o) {
  ctrl::ControllerPolicy p = ctrl::load_policy(o.policy);
  ctrl::ControllerConfig& c = p.config;
  const auto given = [&cmd](const std::string& key) { return cmd.count("--" + key) > 0; };
  if (given("scheduler")) c.scheduler = ctrl::parse_scheduler(o.scheduler);
  if (given("page-policy")) c.page_policy = ctrl::parse_page_policy(o.page_policy);
  if (given("mapping")) c.mapping = ctrl::parse_mapping(o.mapping);
  if (given("xor-hash")) c.xor_bank_hash = o.controller.xor_bank_hash;
  if (given("no-refresh")) c.refresh = !o.no_refresh;
  if (given("refresh")) c.refresh_kind = ctrl::parse_refresh_kind(o.refresh_kind);
  if (given("prefetcher")) c.prefetch.kind = ctrl::parse_prefetcher(o.prefetcher);
  ctrl::ControllerConfig options = o.controller;
  for (const ctrl::IntegerSetting& s : ctrl::integer_settings())
    if (given(s.key)) s.field(c) = s.field(options);
  // Each watermark named by where it came from: an option, or the policy.
  const auto named = [&](const std::string& key, int value) {
    return (given(key) ? "--" + key : "policy " + p.name + "'s " + key) + " (" +
           std::to_string(value) + ")";
  };
  if (c.write_low >= c.write_high)
    throw InputError(named("write-low", c.write_low) + " must be below " +
                     named("write-high", c.write_high));
  return p;
}

}  // namespace mckit::sim
