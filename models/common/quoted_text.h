// Text taken from an input, as an error message quotes it: bounded and printable, so that a
// binary file or a huge line cannot flood a terminal or hide the message.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace mckit {

// 'text' in single quotes, control and non-ASCII bytes escaped (\t, \r, \n, \xHH), and cut so
// that at most `max_chars` characters stand between the quotes (an escape is never split), with
// "..." after the closing quote when text was left out.
std::string quoted_excerpt(std::string_view text, std::size_t max_chars = 80);

}  // namespace mckit
