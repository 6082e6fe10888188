// Sparse storage of written bursts: memory grows with what is written, not with capacity.
#pragma once

#include <cstdint>
#include <vector>

#include <boost/unordered/unordered_flat_map.hpp>

#include "dram/dram_command.h"
#include "dram/dram_preset.h"

namespace mckit::dram {

class DataStore {
 public:
  explicit DataStore(const Organization& org);

  int burst_bytes() const { return burst_bytes_; }

  // Writes one burst; `mask` (one flag byte per data byte, nonzero = write) may be null.
  void write(const DramCommand& c, const std::uint8_t* data, const std::uint8_t* mask);
  // Reads one burst into `out` (burst_bytes long); never-written bytes read as zero.
  void read(const DramCommand& c, std::uint8_t* out) const;

  std::size_t bursts_stored() const { return index_.size(); }

 private:
  std::uint64_t key(const DramCommand& c) const;

  const Organization org_;
  const int burst_bytes_;
  // The key's factors, computed once: a division costs tens of cycles.
  const std::uint64_t bursts_per_row_;
  const int column_shift_;  // log2 of the burst length, or -1 when it is not a power of two
  // key -> offset in bytes_; an open-addressing map, as cache misses here dominate long runs
  boost::unordered_flat_map<std::uint64_t, std::size_t> index_;
  std::vector<std::uint8_t> bytes_;
};

}  // namespace mckit::dram
