#include "cmd_run.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <system_error>
#include <type_traits>

#include "common/input_error.h"
#include "ctrl/controller_config.h"
#include "dram/dram_preset.h"
#include "exit_codes.h"
#include "progress_bar.h"
#include "backend.h"
#include "testbench/tlm_top.h"
#include "run_file.h"
#include "run_options.h"
#include "run_table.h"
#include "size_arg.h"
#include "stats/stats_json.h"
#include "workload_options.h"
#include "workloads/planned_source.h"
#include "workloads/ai_workloads.h"
#include "workloads/workload_registry.h"

namespace mckit::sim {

namespace {

WaveOptions wave_options(const RunOptions& o) {
  WaveOptions w;
  w.path = o.waves;
  if (o.waves_window.empty()) return w;
  const auto colon = o.waves_window.find(':');
  if (colon == std::string::npos ||
      !parse_count(o.waves_window.substr(0, colon), w.start) ||
      !parse_count(o.waves_window.substr(colon + 1), w.end) || w.end <= w.start)
    throw InputError("--waves-window '" + o.waves_window +
                     "' must be START:END in cycles with START < END");
  return w;
}

// The --stats file: opened (as a temporary next to it) before the run, so a bad path fails
// at once; renamed into place by commit(), removed if the run ends any other way.
class StatsFile {
 public:
  explicit StatsFile(const std::string& path)
      : path_(path), tmp_(path + ".tmp" + std::to_string(::getpid())) {
    errno = 0;
    out_.open(tmp_, std::ios::binary | std::ios::trunc);
    if (!out_)
      throw InputError("cannot write --stats file '" + path_ + "': " +
                       (errno ? std::strerror(errno) : "open failed"));
  }
  StatsFile(const StatsFile&) = delete;
  StatsFile& operator=(const StatsFile&) = delete;
  ~StatsFile() {
    if (!committed_) {
      out_.close();
      std::remove(tmp_.c_str());
    }
  }

  void commit(const boost::json::object& doc) {
    out_ << boost::json::serialize(doc) << '\n';
    out_.close();
    if (!out_) throw InputError("cannot write --stats file '" + path_ + "': write failed");
    if (std::rename(tmp_.c_str(), path_.c_str()) != 0)
      throw InputError("cannot write --stats file '" + path_ + "': " + std::strerror(errno));
    committed_ = true;
  }

 private:
  std::string path_, tmp_;
  std::ofstream out_;
  bool committed_ = false;
};

boost::json::object run_parameters(const RunOptions& o, const workloads::WorkloadParams& w) {
  return boost::json::object{{"requests", w.requests},
                             {"seed", w.seed},
                             {"burst_bytes", w.burst_bytes},
                             {"capacity_bytes", w.capacity},
                             {"footprint_bytes", w.footprint ? w.footprint : w.capacity},
                             {"read_fraction", w.read_fraction},
                             {"run_length", w.max_run},
                             {"stride_bursts", w.stride_bursts},
                             {"hot_fraction", w.hot_fraction},
                             {"hot_bytes", w.hot_bytes},
                             {"scheduler", o.scheduler},
                             {"page_policy", o.page_policy},
                             {"mapping", o.mapping},
                             {"xor_hash", o.xor_hash},
                             {"age_cap", o.age_cap},
                             {"idle_timeout", o.idle_timeout},
                             {"write_high", o.write_high},
                             {"write_low", o.write_low},
                             {"refresh", !o.no_refresh},
                             {"prefetcher", o.prefetcher},
                             {"prefetch_distance", o.prefetch.distance},
                             {"prefetch_degree", o.prefetch.degree},
                             {"prefetch_threshold", o.prefetch.threshold},
                             {"prefetch_throttle", o.prefetch.throttle},
                             {"prefetch_pressure", o.prefetch.pressure},
                             {"model", w.ai.model},
                             {"batch", w.ai.batch},
                             {"context", w.ai.context},
                             {"tokens", w.ai.tokens},
                             {"seq", w.ai.seq},
                             {"layers", w.ai.layers},
                             {"dtype", w.ai.dtype},
                             {"kv_dtype", w.ai.kv_dtype},
                             {"weights_resident", w.ai.weights_resident},
                             {"alpha", w.ai.alpha},
                             {"samples", w.ai.samples},
                             {"buffer_bytes", w.ai.buffer_bytes},
                             {"tile", w.ai.tile},
                             {"block", w.ai.block},
                             {"causal", w.ai.causal},
                             {"instances", w.ai.instances},
                             {"stagger", w.ai.stagger}};
}

// "stream, distance 8, degree 4, throttle 50 %, pressure 16": the threshold is stride's alone.
std::string describe(const ctrl::PrefetchConfig& p) {
  std::string text = ctrl::name_of(p.kind) + ", distance " + std::to_string(p.distance) +
                     ", degree " + std::to_string(p.degree);
  if (p.kind == ctrl::PrefetcherKind::Stride) text += ", threshold " + std::to_string(p.threshold);
  return text + ", throttle " + std::to_string(p.throttle) + " %, pressure " +
         std::to_string(p.pressure);
}

// The same run without the prefetcher, that the prefetcher's figures are compared against.
// SystemC elaborates once per process, so it runs in a child process, before the run itself
// (so that each run's wall time is its own), and hands its figures back through a pipe.
// Throws when the child did not finish its run (it says why on stderr).
stats::RunFigures run_baseline(const std::function<stats::RunStats()>& simulate) {
  static_assert(std::is_trivially_copyable_v<stats::RunFigures>, "sent through a pipe as bytes");
  int fds[2];
  if (::pipe(fds) != 0) throw std::system_error(errno, std::generic_category(), "pipe");
  const pid_t pid = ::fork();
  if (pid < 0) {
    const int error = errno;
    ::close(fds[0]);
    ::close(fds[1]);
    throw std::system_error(error, std::generic_category(), "fork");
  }
  if (pid == 0) {
    ::close(fds[0]);
    int code = kExitFailed;
    try {
      const stats::RunStats s = simulate();
      if (!s.clean())
        std::cerr << "mckit: the run without the prefetcher failed its checks: " << s.violations
                  << " timing violations, " << s.data_mismatches << " data mismatches, "
                  << s.unanswered << " unanswered requests\n";
      const stats::RunFigures f = stats::figures_of(s);
      if (::write(fds[1], &f, sizeof f) == ssize_t(sizeof f)) code = kExitOk;
    } catch (const std::exception& e) {
      std::cerr << "mckit: the run without the prefetcher: " << e.what() << '\n';
    }
    // No destructors, no flushing: the files and buffers it inherited are the parent's.
    ::_exit(code);
  }
  ::close(fds[1]);
  stats::RunFigures f;
  const bool got = ::read(fds[0], &f, sizeof f) == ssize_t(sizeof f);
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!got || !WIFEXITED(status) || WEXITSTATUS(status) != kExitOk)
    throw std::runtime_error("the run without the prefetcher did not complete");
  return f;
}

void run(const RunOptions& o) {
  const dram::DramPreset preset = dram::load_preset(o.preset);

  CoreOptions h;
  h.backend = parse_backend(o.backend);
  ctrl::ControllerConfig& c = h.controller;
  c.scheduler = ctrl::parse_scheduler(o.scheduler);
  c.page_policy = ctrl::parse_page_policy(o.page_policy);
  c.mapping = ctrl::parse_mapping(o.mapping);
  c.xor_bank_hash = o.xor_hash;
  c.age_cap = o.age_cap;
  c.idle_timeout = o.idle_timeout;
  c.write_high = o.write_high;
  c.write_low = o.write_low;
  c.refresh = !o.no_refresh;
  c.prefetch = o.prefetch;
  c.prefetch.kind = ctrl::parse_prefetcher(o.prefetcher);
  if (!o.waves.empty()) h.waves = wave_options(o);

  workloads::WorkloadParams w = to_params(o.workload, preset);
  const std::unique_ptr<workloads::RequestSource> source = workloads::make_workload(w);
  // As given (trace:FILE in full); an AI workload with its model and shape options.
  const std::string workload_name = workloads::is_ai_workload(w.name)
                                        ? workloads::describe_ai_workload(w)
                                        : o.workload.params.name;
  // A source that plans its run (a trace counts its lines) knows how many requests it issues.
  const auto* planned = dynamic_cast<const workloads::PlannedSource*>(source.get());
  if (planned) w.requests = planned->plan().requests;
  if (o.plan_only) {
    // A microbenchmark's plan is counted on a copy of it: its random choices are seeded.
    const workloads::WorkloadPlan plan =
        planned ? planned->plan()
                : workloads::measure_plan(*workloads::make_workload(w), w.burst_bytes);
    print_plan(std::cout, workload_name, preset, plan);
    return;
  }
  std::unique_ptr<StatsFile> stats_file;
  if (!o.stats.empty()) stats_file = std::make_unique<StatsFile>(o.stats);

  testbench::TlmRunOptions t;
  if (o.outstanding == 0) throw InputError("--outstanding must be at least 1");
  if (o.rate_gbps < 0) throw InputError("--rate must be a bandwidth in GB/s, 0 for closed loop");
  t.initiator.max_outstanding = o.outstanding;
  // GB/s is bytes per ns: one burst every burst_bytes / rate ns.
  if (o.rate_gbps > 0) t.initiator.interval_cycles = w.burst_bytes / o.rate_gbps / preset.tck_ns();

  // Made (and so checked) before the baseline starts, so a bad option is reported once.
  std::unique_ptr<ctrl::ControllerCore> core = make_core(preset, h);
  const bool prefetching = c.prefetch.kind != ctrl::PrefetcherKind::None;
  std::optional<stats::RunFigures> baseline;
  if (prefetching)
    baseline = run_baseline([&] {
      CoreOptions off = h;
      off.controller.prefetch = {};
      off.waves.reset();
      // Its own source from the same parameters: the parent's is the parent's to read.
      const std::unique_ptr<workloads::RequestSource> again = workloads::make_workload(w);
      return testbench::run_tlm(preset, make_core(preset, off), *again, t);
    });
  ProgressBar progress;
  std::uint64_t done = 0;
  progress.start(w.requests);
  const stats::RunStats s =
      testbench::run_tlm(preset, std::move(core), *source, t, [&] { progress.update(++done); });
  progress.finish();
  const std::string policy = o.scheduler + ", " + o.page_policy + " page, " + o.mapping +
                             (o.xor_hash ? " + xor" : "");
  const std::string prefetcher = prefetching ? describe(c.prefetch) : "";
  print_run_table(std::cout, {workload_name, preset.name, o.backend, policy, prefetcher}, s,
                  baseline);
  if (!o.waves.empty())
    std::cout << "waves: " << o.waves << " (open with: gtkwave " << o.waves << ' '
              << std::filesystem::path(o.waves).replace_extension(".gtkw").string() << ")\n";
  if (stats_file) {
    stats_file->commit(stats::to_json(
        s, stats::RunInfo{workload_name, preset.name, o.backend, policy, run_parameters(o, w),
                          baseline}));
    std::cout << "stats: " << o.stats << '\n';
  }
  if (!s.clean() || (baseline && !baseline->clean)) throw CLI::RuntimeError(kExitViolations);
}

}  // namespace

void add_run_command(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("run", "Run a workload on a controller against a DRAM preset");
  auto o = std::make_shared<RunOptions>();
  add_run_options(*cmd, *o);
  cmd->callback([o, cmd] {
    if (!o->run_file.empty()) apply_run_file(*cmd, o->run_file);
    run(*o);
  });
}

}  // namespace mckit::sim
