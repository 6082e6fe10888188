#include "option_values.h"

#include <charconv>
#include <cmath>
#include <functional>
#include <limits>
#include <stdexcept>

#include "common/input_error.h"
#include "common/number_text.h"
#include "common/quoted_text.h"
#include "dram/dram_preset.h"

namespace mckit::sim {

const char* const kStrictNumber = "strict number";

namespace {

std::string refusal(const std::string& expected, const std::string& text) {
  return "must be " + expected + " (got " + quoted_excerpt(text) + ")";
}

// Parses all of `text` as decimal digits into T, or returns false.
template <typename T>
bool whole(const std::string& text, T& value) {
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  return ec == std::errc() && ptr == end && !text.empty();
}

template <typename T>
CLI::Validator strict_whole(T min, T max) {
  const std::string expected =
      "an integer from " + std::to_string(min) + " to " + std::to_string(max);
  return CLI::Validator(
      [=](std::string& text) -> std::string {
        T value{};
        if (!whole(text, value) || value < min || value > max) return refusal(expected, text);
        text = std::to_string(value);
        return "";
      },
      "", kStrictNumber);
}

}  // namespace

CLI::Validator strict_integer(std::int64_t min, std::int64_t max) { return strict_whole(min, max); }

CLI::Validator strict_count(std::uint64_t min, std::uint64_t max) { return strict_whole(min, max); }

CLI::Validator strict_real(double min, double max, bool above_min) {
  // The type's own limits (lowest(), max()) mean no bound on that side.
  const bool low = min > std::numeric_limits<double>::lowest();
  const bool high = max < std::numeric_limits<double>::max();
  std::string expected = "a finite number";
  if (low && high)
    expected = "a number from " + number_text(min) + " to " + number_text(max);
  else if (low)
    expected += (above_min ? " above " : " of at least ") + number_text(min);
  else if (high)
    expected += " of at most " + number_text(max);
  return CLI::Validator(
      [=](std::string& text) -> std::string {
        double value = 0;
        const char* end = text.data() + text.size();
        const auto [ptr, ec] = std::from_chars(text.data(), end, value);
        // from_chars reads "inf" and "nan" too; an overflow (1e400) is result_out_of_range.
        if (ec != std::errc() || ptr != end || !std::isfinite(value) || value < min ||
            (above_min && value == min) || value > max)
          return refusal(expected, text);
        text = number_text(value);
        return "";
      },
      "", kStrictNumber);
}

CLI::Validator checked_text(std::function<void(const std::string&)> check) {
  return CLI::Validator(
      [check](std::string& text) -> std::string {
        try {
          check(text);
        } catch (const InputError& e) {
          return e.what();
        }
        return "";
      },
      "");
}

CLI::Validator loadable_preset() {
  return checked_text([](const std::string& name) { dram::load_preset(name); });
}

void require_strict_numbers(CLI::App& app) {
  for (CLI::Option* opt : app.get_options()) {
    const std::string type = opt->get_type_name();
    const bool numeric = type.rfind("INT", 0) == 0 || type.rfind("UINT", 0) == 0 ||
                         type.rfind("FLOAT", 0) == 0;
    if (!numeric) continue;
    try {
      opt->get_validator(kStrictNumber);
    } catch (const CLI::OptionNotFound&) {
      throw std::logic_error("option " + opt->get_name() + " of '" + app.get_name() +
                             "' is a number without the strict conversion (add_number)");
    }
  }
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
    require_strict_numbers(*sub);
}

}  // namespace mckit::sim
