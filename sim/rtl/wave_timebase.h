// The time axis of the RTL waves: real time, in picoseconds. Cycle c runs from c x tCK to
// (c+1) x tCK: the clock rises at c x tCK (registered outputs change there, so the command of
// cycle c is on the bus from c x tCK) and falls at (c + 1/2) x tCK, when the cycle's inputs
// are applied. Times are rounded to the picosecond; tCK is taken to the femtosecond (a
// preset's tCK has at most three decimals in ps), so that rounding never accumulates.
#pragma once

#include <cmath>
#include <cstdint>

namespace mckit::sim {

class WaveTimebase {
 public:
  explicit WaveTimebase(double tck_ps) : tck_fs_(std::uint64_t(std::llround(tck_ps * 1000))) {}

  std::uint64_t rising_edge(std::uint64_t cycle) const { return (cycle * tck_fs_ + 500) / 1000; }
  std::uint64_t falling_edge(std::uint64_t cycle) const {
    return ((2 * cycle + 1) * tck_fs_ + 1000) / 2000;
  }

 private:
  std::uint64_t tck_fs_;
};

}  // namespace mckit::sim
