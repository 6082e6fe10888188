// One front-end request: one burst of the chosen DRAM (at most 64 bytes).
#pragma once

#include <array>
#include <cstdint>

namespace mckit {

constexpr int kMaxBurstBytes = 64;

struct Request {
  std::uint64_t addr = 0;  // byte address, aligned to the burst
  bool write = false;
  std::uint32_t stream = 0;      // which tensor or requester it belongs to
  std::uint64_t mask = ~0ull;    // bytes written: bit i is byte i of the burst
  std::array<std::uint8_t, kMaxBurstBytes> data{};  // write data
};

}  // namespace mckit
