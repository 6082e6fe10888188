// The distance of a constraint row as text ("tCL + tBL + 2 - tCWL"), evaluated over a preset's
// timings: integers, timing names, + - *, unary minus, max(...), min(...), parentheses.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace mckit::dram {

// The value of a name, or nothing when the name is unknown.
using NameLookup = std::function<std::optional<std::int64_t>(std::string_view)>;

// Evaluates `text`; throws InputError "<where>: <what is wrong> in '<text>'" on a syntax error
// or an unknown name.
std::int64_t evaluate_expression(const std::string& text, const NameLookup& lookup,
                                 const std::string& where);

// Checks `text` without values: every name must be known to `lookup` (any value will do).
void check_expression(const std::string& text, const NameLookup& lookup, const std::string& where);

}  // namespace mckit::dram
