// Option values checked as they are given, so that a bad one is refused with the option's
// name (or, from a run file, the file's and the key's) before anything runs.
//
// Numbers are parsed strictly: plain decimal text (with a fraction and an exponent for a
// floating-point option) within the bounds the option states. A sign on a count, an overflow,
// 1e20 for an integer, nan or inf is refused, where CLI11's own conversion would wrap (-1 as
// 2^64-1), saturate or accept them.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <type_traits>

namespace mckit::sim {

// The values a numeric option takes: [min, max], or (min, max] with above_min (floating point
// options only); the type's own limits by default.
template <typename T>
struct NumberRange {
  T min = std::numeric_limits<T>::lowest();
  T max = std::numeric_limits<T>::max();
  bool above_min = false;
};

// The strict conversion as a CLI11 transform: it rewrites the value to its canonical decimal
// form, which CLI11 then converts exactly, or fails with "must be an integer from 0 to 15
// (got '16')". Integers are checked against int64 or uint64 bounds; `range` narrows them.
CLI::Validator strict_integer(std::int64_t min, std::int64_t max);
CLI::Validator strict_count(std::uint64_t min, std::uint64_t max);
CLI::Validator strict_real(double min, double max, bool above_min);

// The name every strict conversion carries, so that main() can check that no numeric option
// was added without one.
extern const char* const kStrictNumber;

// cmd.add_option(name, value, help) with the strict conversion for T and `range`, and the
// default shown in --help.
template <typename T>
CLI::Option* add_number(CLI::App& cmd, const std::string& name, T& value, const std::string& help,
                        NumberRange<T> range = {}) {
  static_assert(std::is_arithmetic_v<T> && !std::is_same_v<T, bool>, "a number");
  CLI::Validator strict;
  if constexpr (std::is_floating_point_v<T>)
    strict = strict_real(double(range.min), double(range.max), range.above_min);
  else if constexpr (std::is_signed_v<T>)
    strict = strict_integer(std::int64_t(range.min), std::int64_t(range.max));
  else
    strict = strict_count(std::uint64_t(range.min), std::uint64_t(range.max));
  return cmd.add_option(name, value, help)->transform(strict)->capture_default_str();
}

// A text option checked as it is given (a name from a set, a size, a preset): `check` throws
// InputError for a value it refuses, and its message becomes the option's.
CLI::Validator checked_text(std::function<void(const std::string&)> check);

// A DRAM preset, named or given by path, that loads: its errors become the option's.
CLI::Validator loadable_preset();

// Throws std::logic_error naming the first option of `app` or its subcommands whose value is a
// number and that was added without the strict conversion.
void require_strict_numbers(CLI::App& app);

}  // namespace mckit::sim
