// A memory manager for generic payloads: payloads are reused, never freed during a run, and
// each carries its own data and byte-enable buffers. Initiators take one with acquire();
// the last release() (by whoever held it last) returns it to the pool.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include <tlm>

namespace mckit::tlm_models {

class PayloadPool : public tlm::tlm_mm_interface {
 public:
  explicit PayloadPool(std::size_t data_bytes) : data_bytes_(data_bytes) {}

  // A payload with a reference held (acquire() already called), its data pointer on a
  // buffer of data_bytes and its byte-enable pointer on a buffer as long, not yet used.
  tlm::tlm_generic_payload* acquire();
  void free(tlm::tlm_generic_payload* payload) override;

  // Sets a payload of this pool to use its own byte-enable buffer and returns it.
  unsigned char* use_byte_enables(tlm::tlm_generic_payload* payload);

  std::size_t allocated() const { return all_.size(); }
  std::size_t in_use() const { return all_.size() - free_.size(); }

 private:
  struct Entry : tlm::tlm_generic_payload {
    Entry(tlm::tlm_mm_interface* mm, std::size_t bytes)
        : tlm::tlm_generic_payload(mm), data(bytes), byte_enables(bytes) {}
    std::vector<unsigned char> data, byte_enables;
  };

  const std::size_t data_bytes_;
  std::vector<std::unique_ptr<Entry>> all_;
  std::vector<Entry*> free_;
};

}  // namespace mckit::tlm_models
