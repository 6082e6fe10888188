// Numbers in configuration JSON (presets, model shapes, run files), read strictly: JSON has a
// single number type, so 3, 3.0 and 3e0 are the same whole number, while 2.5, -1 or 1e20 for a
// count, and strings, are refused by the caller with the key's name.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>

namespace mckit {

// A whole number in [min, max], or nullopt (not a number, a fraction, out of range).
std::optional<std::uint64_t> json_whole(const boost::json::value& v, std::uint64_t min,
                                        std::uint64_t max);
// "an integer from 1 to 2147483647": what json_whole(v, min, max) accepts, for messages.
std::string whole_rule(std::uint64_t min, std::uint64_t max);

// Any JSON number as a double, or nullopt. Always finite: read_json_file refuses 1e400.
std::optional<double> json_real(const boost::json::value& v);

// The value as a message shows it: numbers in their shortest form (13.75, 1e+20, not
// 1.375E1), true, false and null as such, strings and the rest quoted by quoted_excerpt.
std::string json_text(const boost::json::value& v);

}  // namespace mckit
