// mckit: the memory-controller co-design kit's command line.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <string>

#include "cmd_check.h"
#include "cmd_policies.h"
#include "cmd_presets.h"
#include "cmd_run.h"
#include "cmd_trace.h"
#include "common/input_error.h"
#include "exit_codes.h"
#include "option_values.h"
#include "testbench/systemc_banner.h"

namespace {

// Every error is one line that a script can grep and a terminal shows whole.
int report(const std::string& message, int code) {
  std::string line = message;
  std::replace(line.begin(), line.end(), '\n', ' ');
  std::cerr << "mckit: " << line << '\n';
  return code;
}

}  // namespace

// SystemC's own main() calls sc_main: the TLM simulation needs its kernel set up.
extern "C" int sc_main(int argc, char** argv) {
  CLI::App app{"mckit: memory-controller co-design kit"};
  app.require_subcommand(1);
  mckit::sim::add_presets_command(app);
  mckit::sim::add_policies_command(app);
  mckit::sim::add_check_command(app);
  mckit::sim::add_run_command(app);
  mckit::sim::add_trace_command(app);
  try {
    mckit::sim::require_strict_numbers(app);
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& e) {
    return e.get_exit_code();
  } catch (const CLI::Success& e) {  // --help: the help, exit 0
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return report(e.what(), mckit::sim::kExitBadInput);
  } catch (const mckit::InputError& e) {
    return report(e.what(), mckit::sim::kExitBadInput);
  } catch (const std::exception& e) {
    return report(e.what(), mckit::sim::kExitFailed);
  }
  return mckit::sim::kExitOk;
}
