#include "common/json_object_reader.h"

#include <optional>

#include "common/input_error.h"
#include "common/json_file.h"
#include "common/json_number.h"
#include "common/quoted_text.h"

namespace mckit {

namespace json = boost::json;

JsonObjectReader::JsonObjectReader(std::string file, const json::object& obj, std::string path)
    : file_(std::move(file)), obj_(obj), path_(std::move(path)) {}

void JsonObjectReader::fail(const std::string& key, const std::string& rule) const {
  throw InputError(file_ + ": " + qualified(key) + ": " + rule);
}

bool JsonObjectReader::has(const std::string& key) const { return obj_.contains(key); }

const json::value* JsonObjectReader::find(const std::string& key) {
  seen_.insert(key);
  return obj_.if_contains(key);
}

const json::value& JsonObjectReader::need(const std::string& key) {
  const json::value* v = find(key);
  if (!v) fail(key, "missing key");
  return *v;
}

std::string JsonObjectReader::text(const std::string& key) {
  const json::value& v = need(key);
  if (!v.is_string()) fail(key, "must be a string");
  return std::string(v.get_string());
}

std::string JsonObjectReader::non_empty_text(const std::string& key) {
  const json::value& v = need(key);
  if (!v.is_string() || v.get_string().empty()) fail(key, "must be a non-empty string");
  return std::string(v.get_string());
}

bool JsonObjectReader::flag(const std::string& key) {
  const json::value& v = need(key);
  if (!v.is_bool()) fail(key, "must be true or false (got " + json_text(v) + ")");
  return v.get_bool();
}

JsonObjectReader JsonObjectReader::object(const std::string& key) {
  const json::value& v = need(key);
  if (!v.is_object()) fail(key, "must be an object");
  return JsonObjectReader(file_, v.get_object(), qualified(key));
}

std::uint64_t JsonObjectReader::whole(const std::string& key, std::uint64_t min,
                                      std::uint64_t max) {
  return whole(need(key), key, min, max);
}

std::uint64_t JsonObjectReader::whole(const json::value& v, const std::string& key,
                                      std::uint64_t min, std::uint64_t max) const {
  const std::optional<std::uint64_t> n = json_whole(v, min, max);
  if (!n) fail(key, "must be " + whole_rule(min, max) + " (got " + json_text(v) + ")");
  return *n;
}

double JsonObjectReader::positive_number(const json::value& v, const std::string& key) const {
  const std::optional<double> d = json_real(v);
  if (!d || !(*d > 0)) fail(key, "must be a positive number (got " + json_text(v) + ")");
  return *d;
}

std::size_t JsonObjectReader::choice(const std::string& key, const std::string& what,
                                     const std::vector<std::string>& names) {
  const std::string name = text(key);
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return i;
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  fail(key, "unknown " + what + " " + quoted_excerpt(name) + " (accepted: " + list + ")");
}

void JsonObjectReader::reject_unknown(const std::string& rule) const {
  for (const auto& kv : obj_)
    if (!seen_.count(std::string(kv.key()))) fail(std::string(kv.key()), rule);
}

std::vector<std::string> JsonObjectReader::keys() const {
  std::vector<std::string> out;
  for (const auto& kv : obj_) out.emplace_back(kv.key());
  return out;
}

std::string JsonObjectReader::qualified(const std::string& key) const {
  return path_.empty() ? key : path_ + "." + key;
}

json::value read_json_object_file(const std::string& path, const std::string& what) {
  json::value root = read_json_file(path, what + " file");
  if (!root.is_object()) throw InputError(path + ": a " + what + " must be a JSON object");
  return root;
}

}  // namespace mckit
