// Run files: `mckit run run.json` takes option values from a JSON object whose keys are the
// subcommand's long option names without dashes; options given on the command line win.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace mckit::sim {

// Reads `path` and gives every option of `cmd` that the command line left unset
// (count() == 0) the file's value, parsed by the option itself. An unreadable file, invalid
// JSON or a key given twice (with its line), an unknown key, a value of the wrong type or one
// its option refuses (out of range, an unknown name) is an InputError naming the file and the
// key; every value is checked, also those the command line overrides.
void apply_run_file(CLI::App& cmd, const std::string& path);

}  // namespace mckit::sim
