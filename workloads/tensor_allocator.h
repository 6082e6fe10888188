// Lays tensors out in the memory's address space, one after another from a base: each
// starts aligned, and optionally staggered by a further offset per tensor so that tensors
// streamed side by side do not all begin in the same bank.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace mckit::workloads {

struct Tensor {
  std::string name;
  std::uint64_t base = 0;   // byte address, aligned
  std::uint64_t bytes = 0;
};

struct AllocatorParams {
  std::uint64_t base = 0;
  std::uint64_t capacity = 0;     // addresses stay below base + capacity
  std::uint64_t alignment = 4096; // power of two, at least a burst
  std::uint64_t stagger = 0;      // tensor k starts k * stagger bytes (mod alignment) later
};

class TensorAllocator {
 public:
  explicit TensorAllocator(const AllocatorParams& p);  // throws InputError on a bad alignment
  // Throws InputError naming the tensor when it does not fit.
  Tensor allocate(const std::string& name, std::uint64_t bytes);
  // Bytes from base to the end of the last tensor: the footprint.
  std::uint64_t used() const { return next_ - p_.base; }
  const std::vector<Tensor>& tensors() const { return tensors_; }

 private:
  AllocatorParams p_;
  std::uint64_t next_;
  std::vector<Tensor> tensors_;
};

}  // namespace mckit::workloads
