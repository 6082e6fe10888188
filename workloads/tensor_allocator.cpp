#include "workloads/tensor_allocator.h"

#include "common/input_error.h"

namespace mckit::workloads {

TensorAllocator::TensorAllocator(const AllocatorParams& p) : p_(p), next_(p.base) {
  if (p_.alignment == 0 || (p_.alignment & (p_.alignment - 1)) != 0)
    throw InputError("tensor alignment " + std::to_string(p_.alignment) +
                     " is not a power of two");
  if (p_.base % p_.alignment != 0)
    throw InputError("tensor base " + std::to_string(p_.base) + " is not aligned to " +
                     std::to_string(p_.alignment));
}

Tensor TensorAllocator::allocate(const std::string& name, std::uint64_t bytes) {
  const std::uint64_t aligned = (next_ + p_.alignment - 1) & ~(p_.alignment - 1);
  const std::uint64_t offset = (std::uint64_t(tensors_.size()) * p_.stagger) % p_.alignment;
  const std::uint64_t base = aligned + offset;
  if (base + bytes > p_.base + p_.capacity || base + bytes < base)
    throw InputError("tensor '" + name + "' (" + std::to_string(bytes) +
                     " bytes) does not fit: it would start " + std::to_string(base - p_.base) +
                     " bytes in, and the memory holds " + std::to_string(p_.capacity));
  tensors_.push_back(Tensor{name, base, bytes});
  next_ = base + bytes;
  return tensors_.back();
}

}  // namespace mckit::workloads
