// Whether an AI workload's tensors fit its memory, checked before they are laid out: one that
// cannot fit says what it needs, what the memory holds and which options would shrink it,
// and no layout of absurd size is attempted.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace mckit::workloads {

// a x b and a + b, held at UINT64_MAX instead of wrapping: no memory holds that much, so an
// overflowing size is refused as too large rather than mistaken for a small one.
std::uint64_t sat_mul(std::uint64_t a, std::uint64_t b);
std::uint64_t sat_add(std::uint64_t a, std::uint64_t b);

// `count` tensors of `bytes` bytes each.
struct TensorGroup {
  std::uint64_t count = 0;
  std::uint64_t bytes = 0;
};

// The bytes the groups take when TensorAllocator lays them out without stagger, each tensor
// from a 4 KiB boundary, the last group's last tensor ending the layout: the plan's footprint.
std::uint64_t layout_bytes(const std::vector<TensorGroup>& groups);

// "a, b or c"
std::string one_of(const std::vector<std::string>& choices);
// "1 layer", "32 layers"
std::string layers_text(std::uint64_t layers);

// Throws InputError when `need` bytes exceed `capacity`: "WHAT needs N bytes (X MiB: DETAIL),
// but the memory holds M (Y MiB); try CHOICES, or a preset with more capacity".
void require_fit(const std::string& what, std::uint64_t need, const std::string& detail,
                 std::uint64_t capacity, std::vector<std::string> choices);

}  // namespace mckit::workloads
