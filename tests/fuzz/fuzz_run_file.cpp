// Fuzz target: a run file applied to the options of `mckit run`, built as the program builds
// them, with nothing given on the command line, and the controller it then resolves.
#include <CLI/CLI.hpp>
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_input.h"
#include "run_file.h"
#include "run_options.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = mckit::fuzz::input_file(data, size);
  CLI::App app;
  CLI::App* run = app.add_subcommand("run");
  mckit::sim::RunOptions options;
  mckit::sim::add_run_options(*run, options);
  mckit::fuzz::accept_input_errors([&] { 
    mckit::sim::apply_run_file(*run, path);
    mckit::sim::resolve_policy(*run, options);
  });
  return 0;
}
