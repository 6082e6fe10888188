// The lines of a text input (a trace, a command log), each of bounded length, so that input
// without line ends (/dev/zero, a binary file) fails at once rather than filling memory. It
// numbers the lines for FILE:LINE messages, skips a UTF-8 byte order mark at the start and
// takes the \r of a Windows line end off.
#pragma once

#include <cstdint>
#include <streambuf>
#include <string>
#include <string_view>
#include <utility>

namespace mckit {

class LineReader {
 public:
  static constexpr std::size_t kMaxLineBytes = 4096;  // its line end not counted

  // `file` names the input in messages.
  LineReader(std::streambuf& in, std::string file) : in_(in), file_(std::move(file)) {}

  // Reads the next line; false at the end of the input. A line longer than kMaxLineBytes
  // throws InputError "FILE:LINE: line longer than 4096 bytes: 'its start'...".
  bool next();
  std::string_view line() const { return line_; }
  std::uint64_t number() const { return number_; }
  const std::string& file() const { return file_; }

  // Throws InputError "FILE:LINE: what", naming the line last read.
  [[noreturn]] void fail(const std::string& what) const;

 private:
  [[noreturn]] void fail_too_long() const;

  std::streambuf& in_;
  std::string file_;
  std::string line_;
  std::uint64_t number_ = 0;
};

}  // namespace mckit
