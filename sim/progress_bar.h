// A one-line progress bar on stderr, redrawn with '\r' at most ten times a second, shown only
// when stderr is a terminal and the run has lasted more than a second.
#pragma once

#include <chrono>
#include <cstdint>

namespace mckit::sim {

class ProgressBar {
 public:
  ProgressBar() = default;
  ~ProgressBar() { finish(); }
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void start(std::uint64_t total);  // enabled only if stderr is a terminal
  void update(std::uint64_t done);  // cheap; draws only when due
  void finish();                    // final line and newline, if anything was drawn

 private:
  using Clock = std::chrono::steady_clock;
  void draw(std::uint64_t done, double elapsed);

  bool enabled_ = false;
  bool drawn_ = false;
  std::uint64_t total_ = 0;
  std::uint64_t last_done_ = 0;
  std::uint32_t calls_ = 0;
  Clock::time_point start_{};
  Clock::time_point last_draw_{};
};

}  // namespace mckit::sim
