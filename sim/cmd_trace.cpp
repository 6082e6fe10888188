#include "cmd_trace.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>

#include "common/input_error.h"
#include "dram/dram_preset.h"
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
  const std::unique_ptr<workloads::RequestSource> source = workloads::make_workload(w);

  errno = 0;
  std::ofstream out(o.output, std::ios::binary | std::ios::trunc);
  if (!out)
    throw InputError("cannot write trace '" + o.output +
                     "': " + (errno ? std::strerror(errno) : "open failed"));
  workloads::TraceWriter writer(out, format, w.burst_bytes);
  std::uint64_t writes = 0;
  try {
    Request r;
    while (source->next(r)) {
      writer.write(r);
      writes += r.write;
    }
    out.close();
    if (!out) throw InputError("cannot write trace '" + o.output + "': write failed");
  } catch (...) {
    // No half-written trace left behind to be mistaken for a whole one.
    out.close();
    std::remove(o.output.c_str());
    throw;
  }
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
      ->capture_default_str();
  add_workload_options(*cmd, o->workload);
  cmd->add_option("-o,--output", o->output, "trace file to write")->required();
  cmd->add_option("--format", o->format, "ramulator, ramulator2, dramsim3, dramsys or mckit")->required();
  cmd->callback([o] { export_trace(*o); });
}

}  // namespace mckit::sim
