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
  const int queue_depth = ctrl::ControllerConfig{}.queue_depth;
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
  cmd.add_option("--scheduler", o.scheduler, "fcfs, frfcfs or frfcfs-cap")
      ->check(choice(ctrl::parse_scheduler))
      ->capture_default_str();
  cmd.add_option("--page-policy", o.page_policy, "open, closed or adaptive")
      ->check(choice(ctrl::parse_page_policy))
      ->capture_default_str();
  cmd.add_option("--mapping", o.mapping, "ro-ba-ra-co-ch, ro-ra-ba-co-ch or ro-ba-ra-co-bg-ch")
      ->check(choice(ctrl::parse_mapping))
      ->capture_default_str();
  cmd.add_flag("--xor-hash", o.xor_hash, "XOR bank and bank-group bits with low row bits");
  add_number(cmd, "--age-cap", o.age_cap,
             "cycles a request may wait before it goes first (writes under every scheduler, "
             "reads under fcfs and frfcfs-cap): 1..65535",
             NumberRange<int>{1, 65535});
  add_number(cmd, "--idle-timeout", o.idle_timeout,
             "cycles an idle row stays open (adaptive): 1..65535", NumberRange<int>{1, 65535});
  add_number(cmd, "--write-high", o.write_high,
             "write queue entries that start a drain: 1.." + std::to_string(queue_depth),
             NumberRange<int>{1, queue_depth});
  add_number(cmd, "--write-low", o.write_low,
             "write queue entries that end a drain, below --write-high",
             NumberRange<int>{0, queue_depth - 1});
  cmd.add_flag("--no-refresh", o.no_refresh,
               "issue no refresh (the device still checks the deadline)");
  cmd.add_option("--prefetcher", o.prefetcher,
                 "memory-side prefetcher: none, nextline, stream or stride; with one, the run "
                 "is compared with the same run without it")
      ->check(choice(ctrl::parse_prefetcher))
      ->capture_default_str();
  add_number(cmd, "--prefetch-distance", o.prefetch.distance,
             "offset of the first candidate, in bursts (strides for stride): 0..15",
             NumberRange<int>{0, 15});
  add_number(cmd, "--prefetch-degree", o.prefetch.degree, "candidates per prediction: 1..15",
             NumberRange<int>{1, 15});
  add_number(cmd, "--prefetch-threshold", o.prefetch.threshold,
             "stride: confidence needed before it predicts, 0..3", NumberRange<int>{0, 3});
  add_number(cmd, "--prefetch-throttle", o.prefetch.throttle,
             "% of data-bus cycles prefetch reads may take: 1..100", NumberRange<int>{1, 100});
  add_number(cmd, "--prefetch-pressure", o.prefetch.pressure,
             "read-queue entries from which prefetch candidates are dropped: 1.." +
                 std::to_string(queue_depth),
             NumberRange<int>{1, queue_depth});
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

}  // namespace mckit::sim
