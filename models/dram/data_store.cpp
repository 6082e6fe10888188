#include "dram/data_store.h"

#include <algorithm>

namespace mckit::dram {

namespace {

int log2_if_power_of_two(int n) {
  return n > 0 && (n & (n - 1)) == 0 ? __builtin_ctz(unsigned(n)) : -1;
}

}  // namespace

DataStore::DataStore(const Organization& org)
    : org_(org),
      burst_bytes_(org.bytes_per_burst()),
      bursts_per_row_(std::uint64_t(org.columns / org.burst_length)),
      column_shift_(log2_if_power_of_two(org.burst_length)) {}

std::uint64_t DataStore::key(const DramCommand& c) const {
  std::uint64_t k = c.rank;
  k = k * std::uint64_t(org_.bank_groups) + c.bank_group;
  k = k * std::uint64_t(org_.banks_per_group) + c.bank;
  k = k * std::uint64_t(org_.rows) + c.row;
  const std::uint32_t burst =
      column_shift_ >= 0 ? c.column >> column_shift_ : c.column / std::uint32_t(org_.burst_length);
  return k * bursts_per_row_ + burst;
}

void DataStore::write(const DramCommand& c, const std::uint8_t* data, const std::uint8_t* mask) {
  auto [it, inserted] = index_.try_emplace(key(c), bytes_.size());
  if (inserted) bytes_.resize(bytes_.size() + std::size_t(burst_bytes_), 0);
  std::uint8_t* dst = bytes_.data() + it->second;
  // The count in a local: a byte store could alias the member, which would be read again at
  // every byte.
  const std::size_t bytes = std::size_t(burst_bytes_);
  if (!mask) {
    std::copy_n(data, bytes, dst);
    return;
  }
  for (std::size_t i = 0; i < bytes; ++i)
    if (mask[i]) dst[i] = data[i];
}

void DataStore::read(const DramCommand& c, std::uint8_t* out) const {
  const auto it = index_.find(key(c));
  if (it == index_.end()) {
    std::fill(out, out + burst_bytes_, 0);
    return;
  }
  std::copy_n(bytes_.data() + it->second, burst_bytes_, out);
}

}  // namespace mckit::dram
