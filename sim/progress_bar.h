// A one-line progress bar on stderr, redrawn with '\r' at most ten times a second, shown only
// when stderr is a terminal and the run has lasted more than a second.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>

namespace mckit::sim {

class ProgressBar {
 public:
  ProgressBar() = default;
  ~ProgressBar() { finish(); }
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void start(std::uint64_t total);  // enabled only if stderr is a terminal
  // A run whose count of requests is known only at its end (a trace read as it plays):
  // `fraction` says how far it has come, from 0 to 1, or nothing when it cannot tell, and the
  // bar then shows the requests done and the time.
  void start_unsized(std::function<std::optional<double>()> fraction);
  void update(std::uint64_t done);  // cheap; draws only when due
  void finish();                    // final line and newline, if anything was drawn

 private:
  using Clock = std::chrono::steady_clock;
  void draw(std::uint64_t done, double elapsed);

  bool enabled_ = false;
  bool drawn_ = false;
  std::uint64_t total_ = 0;
  std::function<std::optional<double>()> fraction_;  // set for a run of unknown size
  std::uint64_t last_done_ = 0;
  std::uint32_t calls_ = 0;
  Clock::time_point start_{};
  Clock::time_point last_draw_{};
};

}  // namespace mckit::sim
