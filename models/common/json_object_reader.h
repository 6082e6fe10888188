// One JSON object of a configuration file (a DRAM preset, a model shape, a controller policy)
// read strictly: typed getters that refuse a wrong type, a fraction or a sign where a whole
// number is due, a value out of range or a name not in a set; keys not read are unknown keys.
// Every complaint names the file and the key's path: "p.json: timing.tRCD: missing key".
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace mckit {

class JsonObjectReader {
 public:
  // `path` is where the object sits in the file ("" at the top, "timing", "power.domains").
  JsonObjectReader(std::string file, const boost::json::object& obj, std::string path = "");

  // Throws InputError "FILE: PATH.KEY: RULE".
  [[noreturn]] void fail(const std::string& key, const std::string& rule) const;

  bool has(const std::string& key) const;
  // The value, or nullptr; either way the key counts as read.
  const boost::json::value* find(const std::string& key);
  // The value, or "missing key".
  const boost::json::value& need(const std::string& key);

  std::string text(const std::string& key);            // "must be a string"
  std::string non_empty_text(const std::string& key);  // "must be a non-empty string"
  bool flag(const std::string& key);                   // "must be true or false (got 1)"
  JsonObjectReader object(const std::string& key);     // "must be an object"
  // A whole number in [min, max]: "must be an integer from 1 to 15 (got 2.5)".
  std::uint64_t whole(const std::string& key, std::uint64_t min, std::uint64_t max);
  std::uint64_t whole(const boost::json::value& v, const std::string& key, std::uint64_t min,
                      std::uint64_t max) const;
  // Any number above zero: "must be a positive number (got 0)".
  double positive_number(const boost::json::value& v, const std::string& key) const;
  // The index of the key's string in `names`: "unknown WHAT 'x' (accepted: a, b, c)".
  std::size_t choice(const std::string& key, const std::string& what,
                     const std::vector<std::string>& names);

  // Throws "FILE: PATH.KEY: RULE" for the first key no getter read.
  void reject_unknown(const std::string& rule = "unknown key") const;

  std::vector<std::string> keys() const;
  std::string qualified(const std::string& key) const;  // PATH.KEY

 private:
  std::string file_;
  const boost::json::object& obj_;
  std::string path_;
  std::set<std::string> seen_;
};

// The JSON object at the top of `path` (read_json_file's checks), or "FILE: a WHAT must be a
// JSON object".
boost::json::value read_json_object_file(const std::string& path, const std::string& what);

}  // namespace mckit
