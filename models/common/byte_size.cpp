#include "common/byte_size.h"

#include <cstdio>

namespace mckit {

std::string bytes_human(double bytes) {
  const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  int u = 0;
  while (bytes >= 1024.0 && u < 6) {
    bytes /= 1024.0;
    ++u;
  }
  char buf[48];
  if (bytes == double(long(bytes))) std::snprintf(buf, sizeof buf, "%ld %s", long(bytes), units[u]);
  else std::snprintf(buf, sizeof buf, "%.2f %s", bytes, units[u]);
  return buf;
}

}  // namespace mckit
