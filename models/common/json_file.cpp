#include "common/json_file.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "common/input_error.h"

namespace mckit {

boost::json::value read_json_file(const std::string& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open " + what);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();

  boost::json::stream_parser parser;
  boost::system::error_code ec;
  const std::size_t used = parser.write_some(text.data(), text.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    const std::size_t at = std::min(used, text.size());
    const long line = 1 + std::count(text.begin(), text.begin() + long(at), '\n');
    throw InputError(path + ":" + std::to_string(line) + ": invalid JSON: " + ec.message());
  }
  return parser.release();
}

}  // namespace mckit
