#include "run_options.h"

namespace mckit::sim {

void add_run_options(CLI::App& cmd, RunOptions& o) {
  cmd.add_option("--preset", o.preset, "DRAM preset name or .json path")->capture_default_str();
  cmd.add_option("--backend", o.backend, "controller: rtl (the Verilated mc_top) or tlm (the C++ reference controller)")
      ->capture_default_str();
  cmd.add_option("--scheduler", o.scheduler, "fcfs, frfcfs or frfcfs-cap")->capture_default_str();
  cmd.add_option("--page-policy", o.page_policy, "open, closed or adaptive")->capture_default_str();
  cmd.add_option("--mapping", o.mapping, "ro-ba-ra-co-ch, ro-ra-ba-co-ch or ro-ba-ra-co-bg-ch")
      ->capture_default_str();
  cmd.add_flag("--xor-hash", o.xor_hash, "XOR bank and bank-group bits with low row bits");
  cmd.add_option("--age-cap", o.age_cap, "cycles before the oldest request goes first (frfcfs-cap)")
      ->capture_default_str();
  cmd.add_option("--idle-timeout", o.idle_timeout, "cycles an idle row stays open (adaptive)")
      ->capture_default_str();
  cmd.add_option("--write-high", o.write_high, "write queue entries that start a drain")
      ->capture_default_str();
  cmd.add_option("--write-low", o.write_low, "write queue entries that end a drain")
      ->capture_default_str();
  cmd.add_flag("--no-refresh", o.no_refresh, "issue no refresh (the device still checks the deadline)");
  cmd.add_option("--prefetcher", o.prefetcher,
                  "memory-side prefetcher: none, nextline, stream or stride; with one, the run "
                  "is compared with the same run without it")
      ->capture_default_str();
  cmd.add_option("--prefetch-distance", o.prefetch.distance,
                  "offset of the first candidate, in bursts (strides for stride): 0..15")
      ->capture_default_str();
  cmd.add_option("--prefetch-degree", o.prefetch.degree, "candidates per prediction: 1..15")
      ->capture_default_str();
  cmd.add_option("--prefetch-threshold", o.prefetch.threshold,
                  "stride: confidence needed before it predicts, 0..3")
      ->capture_default_str();
  cmd.add_option("--prefetch-throttle", o.prefetch.throttle,
                  "% of data-bus cycles prefetch reads may take: 1..100")
      ->capture_default_str();
  cmd.add_option("--prefetch-pressure", o.prefetch.pressure,
                  "read-queue entries from which prefetch candidates are dropped: 1..32")
      ->capture_default_str();
  cmd.add_flag("--plan", o.plan_only,
                "print what the workload will move (requests, bytes, footprint) and stop");
  cmd.add_option("--outstanding", o.outstanding,
                  "requests in flight at most (closed loop: the next goes when one completes)")
      ->capture_default_str();
  cmd.add_option("--rate", o.rate_gbps,
                  "open loop: offer requests at this many GB/s whatever the controller does")
      ->capture_default_str();
  add_workload_options(cmd, o.workload);
  cmd.add_option("--stats", o.stats, "write every statistic of the run to a JSON file");
  cmd.add_option("--waves", o.waves, "write the RTL's waves to a .fst or .vcd file");
  cmd.add_option("--waves-window", o.waves_window, "only cycles START:END in the waves");
  cmd.add_option("run_file", o.run_file,
                  "JSON file of option values, keyed by long option name (docs/run-file.md); "
                  "options on the command line override it");
}

}  // namespace mckit::sim
