// Bytes read and written per window of cycles over a run. Windows start at 1024 cycles and
// double (adjacent pairs merged) whenever a run would need more than 512, so a run of any
// length gives at most 512 points, and the same inputs always give the same series.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace mckit::stats {

class BandwidthSeries {
 public:
  static constexpr std::uint64_t kFirstWindowCycles = 1024;
  static constexpr std::size_t kMaxWindows = 512;

  struct Window {
    std::uint64_t start_cycle;  // window k starts at k × window_cycles()
    std::uint64_t cycles;       // window_cycles(), or less for the last window of a run
    std::uint64_t read_bytes, write_bytes;
  };

  // One completed request, at a cycle counted from the start of the run. Cycles may come out
  // of order (a write's completion can precede an earlier read's): windows nest, so the
  // series depends only on the requests and the end, not on their order.
  void record(std::uint64_t cycle, std::uint32_t bytes, bool write);
  // Closes the series: the run covered cycles [0, end_cycle), so windows exist up to there,
  // empty or not. Throws std::invalid_argument if a request was recorded at or after end_cycle.
  void finish(std::uint64_t end_cycle);

  std::uint64_t window_cycles() const { return window_cycles_; }
  std::vector<Window> windows() const;

 private:
  struct Bytes {
    std::uint64_t read = 0, write = 0;
  };

  void extend_to(std::uint64_t end_cycle);
  void merge_pairs();

  std::uint64_t window_cycles_ = kFirstWindowCycles;
  std::uint64_t end_cycle_ = 0;  // one past the last cycle covered so far
  std::vector<Bytes> bytes_;     // one per window
};

}  // namespace mckit::stats
