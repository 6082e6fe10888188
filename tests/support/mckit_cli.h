// Runs the built `mckit` program (from the source root, where tests run) and captures its
// exit code, standard output and standard error apart.
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

inline CliRun run_mckit(const std::string& args) {
  const auto err_path = std::filesystem::temp_directory_path() /
                        ("mckit_cli_stderr_" + std::to_string(::getpid()) + ".txt");
  const std::string command =
      std::string(MCKIT_BINARY) + " " + args + " 2>'" + err_path.string() + "'";
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

}  // namespace mckit::test
