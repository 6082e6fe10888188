// mckit: the memory-controller co-design kit's command line.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cmd_check.h"
#include "cmd_presets.h"
#include "cmd_run.h"
#include "cmd_trace.h"
#include "common/input_error.h"
#include "exit_codes.h"
#include "testbench/systemc_banner.h"

// SystemC's own main() calls sc_main: the TLM simulation needs its kernel set up.
extern "C" int sc_main(int argc, char** argv) {
  CLI::App app{"mckit: memory-controller co-design kit"};
  app.require_subcommand(1);
  mckit::sim::add_presets_command(app);
  mckit::sim::add_check_command(app);
  mckit::sim::add_run_command(app);
  mckit::sim::add_trace_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& e) {
    return e.get_exit_code();
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? mckit::sim::kExitOk : mckit::sim::kExitBadInput;
  } catch (const mckit::InputError& e) {
    std::cerr << "mckit: " << e.what() << '\n';
    return mckit::sim::kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "mckit: " << e.what() << '\n';
    return mckit::sim::kExitFailed;
  }
  return mckit::sim::kExitOk;
}
