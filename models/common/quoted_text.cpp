#include "common/quoted_text.h"

#include <cstdio>
#include <cstring>

namespace mckit {

std::string quoted_excerpt(std::string_view text, std::size_t max_chars) {
  std::string out = "'";
  std::size_t used = 0;
  for (; used < text.size(); ++used) {
    const auto c = static_cast<unsigned char>(text[used]);
    char escaped[8];
    if (c == '\t') std::snprintf(escaped, sizeof escaped, "\\t");
    else if (c == '\r') std::snprintf(escaped, sizeof escaped, "\\r");
    else if (c == '\n') std::snprintf(escaped, sizeof escaped, "\\n");
    else if (c == '\\') std::snprintf(escaped, sizeof escaped, "\\\\");
    else if (c < 0x20 || c >= 0x7f) std::snprintf(escaped, sizeof escaped, "\\x%02x", c);
    else std::snprintf(escaped, sizeof escaped, "%c", c);
    if (out.size() - 1 + std::strlen(escaped) > max_chars) break;
    out += escaped;
  }
  out += '\'';
  if (used < text.size()) out += "...";
  return out;
}

}  // namespace mckit
