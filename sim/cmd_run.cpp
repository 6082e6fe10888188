#include "cmd_run.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <system_error>
#include <type_traits>

#include "common/input_error.h"
#include "common/output_file.h"
#include "common/quoted_text.h"
#include "ctrl/controller_config.h"
#include "ctrl/controller_policy.h"
#include "dram/dram_preset.h"
#include "exit_codes.h"
#include "progress_bar.h"
#include "backend.h"
#include "testbench/tlm_top.h"
#include "run_file.h"
#include "run_options.h"
#include "run_table.h"
#include "rtl/gtkw_writer.h"
#include "stats/stats_json.h"
#include "workload_options.h"
#include "workloads/planned_source.h"
#include "workloads/ai_workloads.h"
#include "workloads/trace_source.h"
#include "workloads/workload_registry.h"

namespace mckit::sim {

namespace {


WaveOptions wave_options(const RunOptions& o) {
  WaveOptions w;
  w.path = o.waves;
  if (!o.waves_window.empty()) {
    const CycleWindow window = parse_waves_window(o.waves_window);
    w.start = window.start;
    w.end = window.end;
  }
  return w;
}

// Every option that can change a result, as the run took it.
boost::json::object run_parameters(const RunOptions& o, const ctrl::ControllerPolicy& policy,
                                   const dram::DramPreset& preset,
                                   const workloads::WorkloadParams& w,
                                   const workloads::RequestSource& source) {
  const auto* trace = dynamic_cast<const workloads::TraceSource*>(&source);
  const ctrl::ControllerConfig& c = policy.config;
  return boost::json::object{{"preset_file", preset.file},
                             {"trace_format", trace ? workloads::name_of(trace->format()) : ""},
                             {"requests", w.requests},
                             {"seed", w.seed},
                             {"burst_bytes", w.burst_bytes},
                             {"capacity_bytes", w.capacity},
                             {"footprint_bytes", w.footprint ? w.footprint : w.capacity},
                             {"read_fraction", w.read_fraction},
                             {"run_length", w.max_run},
                             {"stride_bursts", w.stride_bursts},
                             {"hot_fraction", w.hot_fraction},
                             {"hot_bytes", w.hot_bytes},
                             {"policy", policy.name},
                             {"policy_file", policy.file},
                             {"scheduler", ctrl::name_of(c.scheduler)},
                             {"page_policy", ctrl::name_of(c.page_policy)},
                             {"mapping", ctrl::name_of(c.mapping)},
                             {"xor_hash", c.xor_bank_hash},
                             {"age_cap", c.age_cap},
                             {"idle_timeout", c.idle_timeout},
                             {"write_high", c.write_high},
                             {"write_low", c.write_low},
                             {"refresh", c.refresh},
                             {"refresh_postpone", c.refresh_postpone},
                             {"refresh_kind", ctrl::name_of(c.refresh_kind)},
                             {"queue_depth", c.queue_depth},
                             {"prefetcher", ctrl::name_of(c.prefetch.kind)},
                             {"prefetch_distance", c.prefetch.distance},
                             {"prefetch_degree", c.prefetch.degree},
                             {"prefetch_threshold", c.prefetch.threshold},
                             {"prefetch_throttle", c.prefetch.throttle},
                             {"prefetch_pressure", c.prefetch.pressure},
                             {"outstanding", o.outstanding},
                             {"rate_gbps", o.rate_gbps},
                             {"model", workloads::ai_model_names(w)},
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
// Throws when the child did not finish its run: CLI::RuntimeError(kExitFailed) when it has said
// why on stderr (that line is then the run's one message), else std::runtime_error.
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
      else std::cerr << "mckit: the run without the prefetcher could not hand back its figures\n";
    } catch (const InputError& e) {
      // Bad input (a trace line) is the user's to fix, reported as the run itself would.
      std::cerr << "mckit: " << e.what() << '\n';
      code = kExitBadInput;
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
  // The child said why it stopped; its exit code is the run's.
  if (got && WIFEXITED(status) && WEXITSTATUS(status) == kExitOk) return f;
  if (WIFEXITED(status) &&
      (WEXITSTATUS(status) == kExitBadInput || WEXITSTATUS(status) == kExitFailed))
    throw CLI::RuntimeError(WEXITSTATUS(status));
  throw std::runtime_error("the run without the prefetcher did not complete");
}

void run(const RunOptions& o, const ctrl::ControllerPolicy& policy) {
  const dram::DramPreset preset = dram::load_preset(o.preset);

  CoreOptions h;
  h.backend = parse_backend(o.backend);
  h.controller = policy.config;
  const ctrl::ControllerConfig& c = h.controller;
  if (!o.waves.empty()) h.waves = wave_options(o);

  workloads::WorkloadParams w = to_params(o.workload, preset);
  // Outputs are checked before anything is read or run: none may overwrite an input, and the
  // --stats file is opened now, so that a path it cannot take fails at once.
  std::unique_ptr<OutputFile> stats_file;
  if (!o.plan_only) {
    std::vector<std::string> inputs = input_files(w, preset);
    inputs.push_back(o.run_file);
    inputs.push_back(policy.file);
    if (!o.stats.empty()) refuse_input_as_output(o.stats, "--stats file", inputs);
    if (!o.waves.empty()) {
      refuse_input_as_output(o.waves, "--waves file", inputs);
      refuse_input_as_output(gtkw_path_for(o.waves), "the waves' .gtkw file", inputs);
    }
    if (!o.stats.empty()) stats_file = std::make_unique<OutputFile>(o.stats, "--stats file");
  }

  const std::unique_ptr<workloads::RequestSource> source = workloads::make_workload(w);
  // As given (trace:FILE in full); an AI workload with its model and shape options.
  const std::string workload_name = workloads::is_ai_workload(w.name)
                                        ? workloads::describe_ai_workload(w)
                                        : o.workload.params.name;
  // A generator that plans its run knows how many requests it issues; a trace is counted as
  // it plays, since it is read once (it may be a pipe).
  const auto* planned = dynamic_cast<const workloads::PlannedSource*>(source.get());
  const auto* trace = dynamic_cast<const workloads::TraceSource*>(source.get());
  if (planned) w.requests = planned->plan().requests;
  if (o.plan_only) {
    // Any other source is drained to count it: it does not run after that.
    const workloads::WorkloadPlan plan =
        planned ? planned->plan() : workloads::measure_plan(*source, w.burst_bytes);
    print_plan(std::cout, workload_name, preset, plan);
    return;
  }

  testbench::TlmRunOptions t;
  t.initiator.max_outstanding = o.outstanding;
  // GB/s is bytes per ns: one burst every burst_bytes / rate ns.
  if (o.rate_gbps > 0) t.initiator.interval_cycles = w.burst_bytes / o.rate_gbps / preset.tck_ns();

  // Made (and so checked) before the baseline starts, so a bad option is reported once.
  std::unique_ptr<ctrl::ControllerCore> core = make_core(preset, h);
  const bool prefetching = c.prefetch.kind != ctrl::PrefetcherKind::None;
  if (prefetching && trace && !trace->rereadable())
    throw InputError("--prefetcher compares the run with one without it, which reads the trace "
                     "again, but " + w.trace_path + " is not a regular file (a pipe or FIFO "
                     "reads once): save the trace to a file first");
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
  if (trace)
    progress.start_unsized([trace] { return trace->fraction_read(); });
  else
    progress.start(w.requests);
  const stats::RunStats s =
      testbench::run_tlm(preset, std::move(core), *source, t, [&] { progress.update(++done); });
  progress.finish();
  if (trace) w.requests = trace->played();
  const std::string policy_text = ctrl::name_of(c.scheduler) + ", " +
                                  ctrl::name_of(c.page_policy) + " page, " +
                                  ctrl::name_of(c.mapping) + (c.xor_bank_hash ? " + xor" : "");
  const std::string prefetcher = prefetching ? describe(c.prefetch) : "";
  print_run_table(std::cout, {workload_name, preset.name, o.backend, policy_text, prefetcher}, s,
                  baseline);
  if (!o.waves.empty())
    std::cout << "waves: " << o.waves << " (open with: gtkwave " << o.waves << ' '
              << gtkw_path_for(o.waves) << ")\n";
  if (stats_file) {
    stats_file->stream() << boost::json::serialize(stats::to_json(
                                s, stats::RunInfo{workload_name, preset.name, o.backend, policy_text,
                                                  run_parameters(o, policy, preset, w, *source),
                                                  baseline}))
                         << '\n';
    stats_file->commit();
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
    run(*o, resolve_policy(*cmd, *o));
  });
}

}  // namespace mckit::sim
