// Replays saved inputs through a fuzz target without libFuzzer, so that the normal build (and
// the sanitized one) checks the seed corpus and every input that was once a finding.
//   replay_TARGET [--rss-limit-mb=N] DIR...
// Every file of each directory (but dot files) is one input. Fails when an input throws
// anything but InputError, when the peak memory passes the limit, or when no input was found.
#include <sys/resource.h>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> inputs_in(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().filename().string().front() != '.')
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::string read_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

long peak_rss_mb() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

}  // namespace

int main(int argc, char** argv) {
  long rss_limit_mb = 2048;
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const std::string limit_flag = "--rss-limit-mb=";
    if (arg.rfind(limit_flag, 0) == 0) {
      rss_limit_mb = std::stol(arg.substr(limit_flag.size()));
    } else if (fs::is_directory(arg)) {
      const std::vector<fs::path> found = inputs_in(arg);
      files.insert(files.end(), found.begin(), found.end());
    } else {
      std::cerr << arg << ": not a directory of inputs\n";
      return 2;
    }
  }
  if (files.empty()) {
    std::cerr << "no inputs to replay\n";
    return 2;
  }
  int failures = 0;
  for (const fs::path& file : files) {
    const std::string bytes = read_bytes(file);
    try {
      LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    } catch (const std::exception& e) {
      std::cerr << file.string() << ": unexpected exception: " << e.what() << '\n';
      ++failures;
    }
    if (peak_rss_mb() > rss_limit_mb) {
      std::cerr << file.string() << ": peak memory " << peak_rss_mb() << " MB over the limit of "
                << rss_limit_mb << " MB\n";
      return 1;
    }
  }
  std::cout << "replayed " << files.size() << " inputs, " << failures << " failed\n";
  return failures == 0 ? 0 : 1;
}
