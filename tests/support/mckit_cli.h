// Runs the built `mckit` program, or any command line (from the source root, where tests run),
// and captures its exit code, standard output and standard error apart.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

namespace mckit::test {

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
  std::string output() const { return out + err; }
};

// Runs a shell command line: `mckit` with the shell around it (timeout, bash -c with a
// process substitution, a writer in the background), or another program a test needs.
inline CliRun run_shell(const std::string& command_line) {
  const auto err_path = std::filesystem::temp_directory_path() /
                        ("mckit_cli_stderr_" + std::to_string(::getpid()) + ".txt");
  const std::string command = command_line + " 2>'" + err_path.string() + "'";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  CliRun run;
  std::array<char, 4096> buf{};
  while (std::size_t n = fread(buf.data(), 1, buf.size(), pipe.get())) run.out.append(buf.data(), n);
  const int status = pclose(pipe.release());
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(err_path);
  std::stringstream text;
  text << in.rdbuf();
  run.err = text.str();
  std::filesystem::remove(err_path);
  return run;
}

inline CliRun run_mckit(const std::string& args) {
  return run_shell(std::string(MCKIT_BINARY) + " " + args);
}

// The value column of the row named `metric` in a table `mckit` printed.
inline std::string table_row(const std::string& table, const std::string& metric) {
  std::istringstream in(table);
  for (std::string line; std::getline(in, line);) {
    if (line.compare(0, metric.size(), metric) != 0 || line.size() <= metric.size() ||
        line[metric.size()] != ' ')
      continue;
    const auto start = line.find_first_not_of(' ', metric.size());
    return start == std::string::npos ? "" : line.substr(start);
  }
  return "<no row " + metric + ">";
}

}  // namespace mckit::test
