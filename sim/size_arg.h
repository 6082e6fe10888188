// Numbers on the command line: counts ("1000000") and sizes ("64MiB", "4GiB", "4096").
#pragma once

#include <cstdint>
#include <string>

namespace mckit::sim {

bool parse_count(const std::string& text, std::uint64_t& value);
bool parse_bytes(const std::string& text, std::uint64_t& value);  // B, KiB, MiB, GiB suffixes

}  // namespace mckit::sim
