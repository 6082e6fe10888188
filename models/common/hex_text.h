// An address as a message shows it: 0x1f40.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

namespace mckit {

inline std::string hex_text(std::uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

}  // namespace mckit
