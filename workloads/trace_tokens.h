// The words of one trace line and the numbers in them: what every trace format's parser and
// the format detection share.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace mckit::workloads {

// Hands out a line's words, separated by spaces or tabs, one at a time.
class Tokens {
 public:
  explicit Tokens(std::string_view line) : rest_(line) {}
  std::string_view next();  // empty once the line is used up

 private:
  std::string_view rest_;
};

// Whole-word numbers only: no sign, no spaces, nothing after the digits, and within 64 bits.
bool parse_decimal(std::string_view text, std::uint64_t& value);
bool parse_hex_digits(std::string_view digits, std::uint64_t& value);
// Hex digits after an optional 0x or 0X.
bool parse_hex(std::string_view text, std::uint64_t& value);
// 0x (or 0X) and hex digits, or decimal digits.
bool parse_hex_or_decimal(std::string_view text, std::uint64_t& value);

// A word as error messages quote it: 'word' (as quoted_excerpt: bounded, control characters
// escaped), or "nothing" past the end of the line.
std::string quoted(std::string_view word);

}  // namespace mckit::workloads
