#include "common/number_text.h"

#include <charconv>

namespace mckit {

std::string number_text(double value) {
  char buf[32];  // the longest shortest form, -2.2250738585072014e-308, is 24 characters
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  return std::string(buf, ec == std::errc() ? end : buf);
}

}  // namespace mckit
