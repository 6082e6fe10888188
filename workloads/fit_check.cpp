#include "workloads/fit_check.h"

#include <limits>

#include "common/byte_size.h"
#include "common/input_error.h"

namespace mckit::workloads {

namespace {
constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
constexpr std::uint64_t kAlignment = 4096;  // TensorAllocator's default

std::uint64_t aligned(std::uint64_t bytes) {
  return bytes > kMax - (kAlignment - 1) ? kMax : (bytes + kAlignment - 1) & ~(kAlignment - 1);
}
}  // namespace

std::uint64_t sat_mul(std::uint64_t a, std::uint64_t b) {
  std::uint64_t r = 0;
  return __builtin_mul_overflow(a, b, &r) ? kMax : r;
}

std::uint64_t sat_add(std::uint64_t a, std::uint64_t b) {
  std::uint64_t r = 0;
  return __builtin_add_overflow(a, b, &r) ? kMax : r;
}

std::uint64_t layout_bytes(const std::vector<TensorGroup>& groups) {
  std::uint64_t total = 0, tail = 0;  // tail: the padding after the last tensor
  for (const TensorGroup& g : groups) {
    if (g.count == 0) continue;
    total = sat_add(total, sat_mul(g.count, aligned(g.bytes)));
    tail = aligned(g.bytes) - g.bytes;
  }
  return total == kMax ? kMax : total - tail;
}

std::string one_of(const std::vector<std::string>& choices) {
  std::string text;
  for (std::size_t i = 0; i < choices.size(); ++i)
    text += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + choices[i];
  return text;
}

std::string layers_text(std::uint64_t layers) {
  return std::to_string(layers) + (layers == 1 ? " layer" : " layers");
}

void require_fit(const std::string& what, std::uint64_t need, const std::string& detail,
                 std::uint64_t capacity, std::vector<std::string> choices) {
  if (need <= capacity) return;
  choices.push_back("a preset with more capacity");
  const std::string needed = need == kMax ? "more than 2^64 bytes"
                                          : std::to_string(need) + " bytes (" +
                                                bytes_human(double(need)) + ": " + detail + ")";
  throw InputError(what + " needs " + needed + ", but the memory holds " +
                   std::to_string(capacity) + " (" + bytes_human(double(capacity)) +
                   "); try " + one_of(choices));
}

}  // namespace mckit::workloads
