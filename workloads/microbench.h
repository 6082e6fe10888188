// Microbenchmark streams: sequential, random, strided, hotspot and read/write-mix bursts,
// seeded and deterministic.
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

// Reads every `stride_bursts`-th burst: addresses base + (i * stride * burst) mod footprint.
struct StridedParams {
  std::uint64_t count = 0;
  std::uint64_t footprint = 1ull << 30;  // bytes, from address 0
  int burst_bytes = 64;
  std::uint64_t stride_bursts = 16;
};

class StridedSource : public RequestSource {
 public:
  explicit StridedSource(const StridedParams& p) : p_(p) {}
  bool next(Request& out) override;

 private:
  StridedParams p_;
  std::uint64_t issued_ = 0;
  std::uint64_t offset_ = 0;  // bytes into the footprint
};

// A share `hot_fraction` of accesses go uniformly to [0, hot_bytes), the rest uniformly to
// [0, footprint); each is a read with probability read_fraction.
struct HotspotParams {
  std::uint64_t count = 0;
  std::uint64_t seed = 1;
  std::uint64_t footprint = 1ull << 30;
  int burst_bytes = 64;
  double read_fraction = 0.8;
  double hot_fraction = 0.9;
  std::uint64_t hot_bytes = 1ull << 20;
};

class HotspotSource : public RequestSource {
 public:
  explicit HotspotSource(const HotspotParams& p);
  bool next(Request& out) override;

 private:
  HotspotParams p_;
  std::mt19937_64 rng_;
  std::uint64_t issued_ = 0;
};

// Sequential addresses (wrapping in the footprint), each request a read with probability
// read_fraction: a streaming read/write mix.
struct RwMixParams {
  std::uint64_t count = 0;
  std::uint64_t seed = 1;
  std::uint64_t footprint = 1ull << 30;
  int burst_bytes = 64;
  double read_fraction = 0.5;
};

class RwMixSource : public RequestSource {
 public:
  explicit RwMixSource(const RwMixParams& p);
  bool next(Request& out) override;

 private:
  RwMixParams p_;
  std::mt19937_64 rng_;
  std::uint64_t issued_ = 0;
};

}  // namespace mckit::workloads
