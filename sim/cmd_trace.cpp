#include "cmd_trace.h"

#include <iostream>
#include <memory>
#include <string>

#include "common/output_file.h"
#include "dram/dram_preset.h"
#include "option_values.h"
#include "workload_options.h"
#include "workloads/trace_writer.h"
#include "workloads/workload_registry.h"

namespace mckit::sim {

namespace {

struct ExportOptions {
  std::string preset = "ddr4-3200";
  WorkloadOptions workload;
  std::string output;
  std::string format;
};

void export_trace(const ExportOptions& o) {
  const workloads::TraceFormat format = workloads::parse_trace_format(o.format);
  const dram::DramPreset preset = dram::load_preset(o.preset);
  const workloads::WorkloadParams w = to_params(o.workload, preset);
  refuse_input_as_output(o.output, "trace", input_files(w, preset));
  OutputFile out(o.output, "trace");
  const std::unique_ptr<workloads::RequestSource> source = workloads::make_workload(w);

  workloads::TraceWriter writer(out.stream(), format, w.burst_bytes);
  std::uint64_t writes = 0;
  Request r;
  while (source->next(r)) {
    writer.write(r);
    writes += r.write;
  }
  out.commit();
  std::cout << "wrote " << writer.written() << " requests (" << writer.written() - writes
            << " reads, " << writes << " writes) to " << o.output << " as " << o.format << '\n';
}

}  // namespace

void add_trace_command(CLI::App& app) {
  CLI::App* trace =
      app.add_subcommand("trace", "Traces in mckit's and the peer simulators' formats");
  trace->require_subcommand(1);
  CLI::App* cmd = trace->add_subcommand(
      "export", "Write a workload's requests to a trace file (docs/traces.md)");
  auto o = std::make_shared<ExportOptions>();
  cmd->add_option("--preset", o->preset, "DRAM preset name or .json path: burst size and capacity")
      ->check(loadable_preset())
      ->capture_default_str();
  add_workload_options(*cmd, o->workload);
  cmd->add_option("-o,--output", o->output, "trace file to write")->required();
  cmd->add_option("--format", o->format, "ramulator, ramulator2, dramsim3, dramsys or mckit")
      ->required()
      ->check(checked_text([](const std::string& n) { workloads::parse_trace_format(n); }));
  cmd->callback([o] { export_trace(*o); });
}

}  // namespace mckit::sim
