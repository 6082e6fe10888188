#include "microbench.h"

namespace mckit::workloads {

namespace {
std::uint64_t splitmix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}
}  // namespace

void fill_pattern(Request& r, std::uint64_t seed, std::uint64_t sequence, int burst_bytes) {
  std::uint64_t state = splitmix(seed ^ splitmix(sequence));
  for (int i = 0; i < burst_bytes; i += 8) {
    state = splitmix(state);
    for (int k = 0; k < 8 && i + k < burst_bytes; ++k)
      r.data[std::size_t(i + k)] = std::uint8_t(state >> (8 * k));
  }
}

bool SequentialSource::next(Request& out) {
  if (issued_ == p_.count) return false;
  std::uint64_t offset = issued_ * std::uint64_t(p_.burst_bytes);
  if (p_.footprint) offset %= p_.footprint;
  out = Request{};
  out.addr = p_.base + offset;
  out.write = p_.write;
  if (out.write) fill_pattern(out, 0, issued_, p_.burst_bytes);
  ++issued_;
  return true;
}

RandomSource::RandomSource(const RandomParams& p) : p_(p), rng_(p.seed) {}

bool RandomSource::next(Request& out) {
  if (issued_ == p_.count) return false;
  const std::uint64_t bursts = p_.footprint / std::uint64_t(p_.burst_bytes);
  if (run_left_ == 0) {
    next_addr_ = std::uniform_int_distribution<std::uint64_t>(0, bursts - 1)(rng_);
    run_left_ = std::uniform_int_distribution<std::uint64_t>(1, std::uint64_t(p_.max_run))(rng_);
  }
  out = Request{};
  out.addr = (next_addr_ % bursts) * std::uint64_t(p_.burst_bytes);
  out.write = std::uniform_real_distribution<double>(0, 1)(rng_) >= p_.read_fraction;
  if (out.write) {
    fill_pattern(out, p_.seed, issued_, p_.burst_bytes);
    if (std::uniform_real_distribution<double>(0, 1)(rng_) < p_.partial_write_fraction)
      out.mask = rng_() | 1;  // never empty
  }
  ++next_addr_;
  --run_left_;
  ++issued_;
  return true;
}

bool StridedSource::next(Request& out) {
  if (issued_ == p_.count) return false;
  const std::uint64_t burst = std::uint64_t(p_.burst_bytes);
  const std::uint64_t span = p_.footprint / burst * burst;  // whole bursts only
  out = Request{};
  out.addr = offset_;
  out.write = false;
  // Advance modulo the span without overflowing for huge strides.
  const std::uint64_t step = (p_.stride_bursts % (span / burst)) * burst;
  offset_ = (offset_ >= span - step) ? offset_ - (span - step) : offset_ + step;
  ++issued_;
  return true;
}

HotspotSource::HotspotSource(const HotspotParams& p) : p_(p), rng_(p.seed) {}

bool HotspotSource::next(Request& out) {
  if (issued_ == p_.count) return false;
  const std::uint64_t burst = std::uint64_t(p_.burst_bytes);
  const bool hot = std::uniform_real_distribution<double>(0, 1)(rng_) < p_.hot_fraction;
  const std::uint64_t bursts = (hot ? p_.hot_bytes : p_.footprint) / burst;
  out = Request{};
  out.addr = std::uniform_int_distribution<std::uint64_t>(0, bursts - 1)(rng_) * burst;
  out.write = std::uniform_real_distribution<double>(0, 1)(rng_) >= p_.read_fraction;
  if (out.write) fill_pattern(out, p_.seed, issued_, p_.burst_bytes);
  ++issued_;
  return true;
}

RwMixSource::RwMixSource(const RwMixParams& p) : p_(p), rng_(p.seed) {}

bool RwMixSource::next(Request& out) {
  if (issued_ == p_.count) return false;
  const std::uint64_t burst = std::uint64_t(p_.burst_bytes);
  const std::uint64_t bursts = p_.footprint / burst;
  out = Request{};
  out.addr = (issued_ % bursts) * burst;
  out.write = std::uniform_real_distribution<double>(0, 1)(rng_) >= p_.read_fraction;
  if (out.write) fill_pattern(out, p_.seed, issued_, p_.burst_bytes);
  ++issued_;
  return true;
}

}  // namespace mckit::workloads
