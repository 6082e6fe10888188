#include "workloads/trace_tokens.h"

#include <charconv>

#include "common/quoted_text.h"

namespace mckit::workloads {

namespace {
bool blank(char c) { return c == ' ' || c == '\t'; }

bool has_hex_prefix(std::string_view text) {
  return text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
}

bool parse_base(std::string_view text, int base, std::uint64_t& value) {
  if (text.empty()) return false;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value, base);
  return ec == std::errc() && ptr == end;
}
}  // namespace

std::string_view Tokens::next() {
  std::size_t start = 0;
  while (start < rest_.size() && blank(rest_[start])) ++start;
  std::size_t end = start;
  while (end < rest_.size() && !blank(rest_[end])) ++end;
  const std::string_view word = rest_.substr(start, end - start);
  rest_.remove_prefix(end);
  return word;
}

bool parse_decimal(std::string_view text, std::uint64_t& value) {
  return parse_base(text, 10, value);
}

bool parse_hex_digits(std::string_view digits, std::uint64_t& value) {
  return parse_base(digits, 16, value);
}

bool parse_hex(std::string_view text, std::uint64_t& value) {
  return parse_hex_digits(has_hex_prefix(text) ? text.substr(2) : text, value);
}

bool parse_hex_or_decimal(std::string_view text, std::uint64_t& value) {
  return has_hex_prefix(text) ? parse_hex_digits(text.substr(2), value)
                              : parse_decimal(text, value);
}

std::string quoted(std::string_view word) {
  return word.empty() ? "nothing" : quoted_excerpt(word);
}

}  // namespace mckit::workloads
