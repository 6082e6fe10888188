#include "size_arg.h"

#include <charconv>

namespace mckit::sim {

bool parse_count(const std::string& text, std::uint64_t& value) {
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  return ec == std::errc() && ptr == end && !text.empty();
}

bool parse_bytes(const std::string& text, std::uint64_t& value) {
  static const struct {
    const char* suffix;
    int shift;
  } units[] = {{"KiB", 10}, {"MiB", 20}, {"GiB", 30}, {"B", 0}};
  for (const auto& u : units) {
    const std::string suffix = u.suffix;
    if (text.size() > suffix.size() &&
        text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0) {
      std::uint64_t n = 0;
      if (!parse_count(text.substr(0, text.size() - suffix.size()), n)) return false;
      if (u.shift && n > (UINT64_MAX >> u.shift)) return false;
      value = n << u.shift;
      return true;
    }
  }
  return parse_count(text, value);
}

}  // namespace mckit::sim
