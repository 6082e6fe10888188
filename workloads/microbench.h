// Microbenchmark streams: sequential and random bursts, seeded and deterministic.
#pragma once

#include <cstdint>
#include <random>

#include "request_source.h"

namespace mckit::workloads {

// Fills a burst with bytes that depend on (seed, sequence number) only.
void fill_pattern(Request& r, std::uint64_t seed, std::uint64_t sequence, int burst_bytes);

struct SequentialParams {
  std::uint64_t count = 0;
  std::uint64_t base = 0;
  int burst_bytes = 64;
  bool write = false;
  std::uint64_t footprint = 0;  // wraps around past base + footprint (0: never)
};

class SequentialSource : public RequestSource {
 public:
  explicit SequentialSource(const SequentialParams& p) : p_(p) {}
  bool next(Request& out) override;

 private:
  SequentialParams p_;
  std::uint64_t issued_ = 0;
};

struct RandomParams {
  std::uint64_t count = 0;
  std::uint64_t seed = 1;
  std::uint64_t footprint = 1ull << 30;  // bytes, from address 0
  int burst_bytes = 64;
  double read_fraction = 0.8;
  int max_run = 1;                 // each random start is followed by 1..max_run consecutive bursts
  double partial_write_fraction = 0;  // writes with a random byte mask
};

class RandomSource : public RequestSource {
 public:
  explicit RandomSource(const RandomParams& p);
  bool next(Request& out) override;

 private:
  RandomParams p_;
  std::mt19937_64 rng_;
  std::uint64_t issued_ = 0;
  std::uint64_t run_left_ = 0;
  std::uint64_t next_addr_ = 0;
};

}  // namespace mckit::workloads
