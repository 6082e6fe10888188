#include "common/line_reader.h"

#include "common/input_error.h"
#include "common/quoted_text.h"

namespace mckit {

namespace {
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
}

bool LineReader::next() {
  using traits = std::streambuf::traits_type;
  line_.clear();
  traits::int_type c = in_.sbumpc();
  if (traits::eq_int_type(c, traits::eof())) return false;
  ++number_;
  // Room for what is taken off below: the \r of a Windows line end, and the mark on line 1.
  const std::size_t held_at_most = kMaxLineBytes + 1 + (number_ == 1 ? kByteOrderMark.size() : 0);
  for (; !traits::eq_int_type(c, traits::eof()) && c != '\n'; c = in_.sbumpc()) {
    if (line_.size() == held_at_most) fail_too_long();
    line_.push_back(traits::to_char_type(c));
  }
  if (!line_.empty() && line_.back() == '\r') line_.pop_back();
  if (number_ == 1 && line_.compare(0, kByteOrderMark.size(), kByteOrderMark) == 0)
    line_.erase(0, kByteOrderMark.size());
  if (line_.size() > kMaxLineBytes) fail_too_long();
  return true;
}

void LineReader::fail_too_long() const {
  fail("line longer than " + std::to_string(kMaxLineBytes) + " bytes: " + quoted_excerpt(line_));
}

void LineReader::fail(const std::string& what) const {
  throw InputError(file_ + ":" + std::to_string(number_) + ": " + what);
}

}  // namespace mckit
