#include "common/json_file.h"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/system/errc.hpp>
#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>
#include <vector>

#include "common/input_error.h"
#include "common/quoted_text.h"

namespace mckit {

namespace json = boost::json;

namespace {

// Builds the value as Boost.JSON's own parser does, and also refuses what that parser lets
// through: a key given twice in one object (Boost keeps the last silently) and a number too
// large for a double (1e400 would become inf).
class CheckingHandler {
 public:
  static constexpr std::size_t max_object_size = json::object::max_size();
  static constexpr std::size_t max_array_size = json::array::max_size();
  static constexpr std::size_t max_key_size = json::string::max_size();
  static constexpr std::size_t max_string_size = json::string::max_size();

  json::value_stack st;
  std::string problem;  // set when a check refused the document

  bool on_document_begin(json::error_code&) { return true; }
  bool on_document_end(json::error_code&) { return true; }
  bool on_object_begin(json::error_code&) {
    frames_.push_back(Frame{true, {}, {}, 0});
    return true;
  }
  bool on_object_end(std::size_t n, json::error_code&) {
    frames_.pop_back();
    st.push_object(n);
    return value_done();
  }
  bool on_array_begin(json::error_code&) {
    frames_.push_back(Frame{false, {}, {}, 0});
    return true;
  }
  bool on_array_end(std::size_t n, json::error_code&) {
    frames_.pop_back();
    st.push_array(n);
    return value_done();
  }
  bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
    st.push_chars(s);
    key_.append(s.data(), s.size());
    return true;
  }
  bool on_key(json::string_view s, std::size_t, json::error_code& ec) {
    st.push_key(s);
    key_.append(s.data(), s.size());
    Frame& f = frames_.back();
    f.key = std::move(key_);
    key_.clear();
    if (!f.keys.insert(f.key).second) return refuse("duplicate key '" + path() + "'", ec);
    return true;
  }
  bool on_string_part(json::string_view s, std::size_t, json::error_code&) {
    st.push_chars(s);
    return true;
  }
  bool on_string(json::string_view s, std::size_t, json::error_code&) {
    st.push_string(s);
    return value_done();
  }
  bool on_number_part(json::string_view s, json::error_code&) {
    number_.append(s.data(), s.size());
    return true;
  }
  bool on_int64(std::int64_t i, json::string_view, json::error_code&) {
    number_.clear();
    st.push_int64(i);
    return value_done();
  }
  bool on_uint64(std::uint64_t u, json::string_view, json::error_code&) {
    number_.clear();
    st.push_uint64(u);
    return value_done();
  }
  bool on_double(double d, json::string_view s, json::error_code& ec) {
    number_.append(s.data(), s.size());
    if (!std::isfinite(d))
      return refuse("number " + quoted_excerpt(number_) + " is out of range", ec);
    number_.clear();
    st.push_double(d);
    return value_done();
  }
  bool on_bool(bool b, json::error_code&) {
    st.push_bool(b);
    return value_done();
  }
  bool on_null(json::error_code&) {
    st.push_null();
    return value_done();
  }
  bool on_comment_part(json::string_view, json::error_code&) { return true; }
  bool on_comment(json::string_view, json::error_code&) { return true; }

 private:
  // An object or array being read, to name where a key sits: power.domains.VDD, runs[2].seed.
  struct Frame {
    bool object;
    std::set<std::string> keys;
    std::string key;        // object: the key of the value being read
    std::size_t index = 0;  // array: the index of the value being read
  };

  bool value_done() {
    if (!frames_.empty() && !frames_.back().object) ++frames_.back().index;
    return true;
  }

  std::string path() const {
    std::string out;
    for (const Frame& f : frames_) {
      if (f.object) out += (out.empty() ? "" : ".") + f.key;
      else out += "[" + std::to_string(f.index) + "]";
    }
    return out;
  }

  bool refuse(std::string why, json::error_code& ec) {
    problem = std::move(why);
    ec = boost::system::errc::make_error_code(boost::system::errc::invalid_argument);
    return false;
  }

  std::vector<Frame> frames_;
  std::string key_;
  std::string number_;
};

}  // namespace

json::value read_json_file(const std::string& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open " + what);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();

  json::basic_parser<CheckingHandler> parser(json::parse_options{});
  parser.handler().st.reset();
  json::error_code ec;
  const std::size_t used = parser.write_some(false, text.data(), text.size(), ec);
  if (!ec && used < text.size()) ec = json::error::extra_data;
  if (ec) {
    const std::size_t at = std::min(used, text.size());
    const long line = 1 + std::count(text.begin(), text.begin() + long(at), '\n');
    const std::string& problem = parser.handler().problem;
    throw InputError(path + ":" + std::to_string(line) + ": " +
                     (problem.empty() ? "invalid JSON: " + ec.message() : problem));
  }
  return parser.handler().st.release();
}

}  // namespace mckit
