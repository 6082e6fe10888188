#include "common/json_number.h"

#include <cmath>

#include "common/number_text.h"
#include "common/quoted_text.h"

namespace mckit {

namespace json = boost::json;

std::optional<std::uint64_t> json_whole(const json::value& v, std::uint64_t min,
                                        std::uint64_t max) {
  std::uint64_t u = 0;
  if (v.is_uint64()) {
    u = v.get_uint64();
  } else if (v.is_int64()) {
    if (v.get_int64() < 0) return std::nullopt;
    u = std::uint64_t(v.get_int64());
  } else if (v.is_double()) {
    const double d = v.get_double();
    if (!(d >= 0 && d < 0x1p64) || d != std::floor(d)) return std::nullopt;
    u = std::uint64_t(d);
  } else {
    return std::nullopt;
  }
  if (u < min || u > max) return std::nullopt;
  return u;
}

std::string whole_rule(std::uint64_t min, std::uint64_t max) {
  return "an integer from " + std::to_string(min) + " to " + std::to_string(max);
}

std::optional<double> json_real(const json::value& v) {
  if (v.is_double()) return v.get_double();
  if (v.is_int64()) return double(v.get_int64());
  if (v.is_uint64()) return double(v.get_uint64());
  return std::nullopt;
}

std::string json_text(const json::value& v) {
  if (v.is_double()) return number_text(v.get_double());
  if (v.is_string()) return quoted_excerpt(v.get_string());
  if (v.is_number() || v.is_bool() || v.is_null()) return json::serialize(v);
  return quoted_excerpt(json::serialize(v));
}

}  // namespace mckit
