#include "run_file.h"

#include <boost/json.hpp>

#include "common/input_error.h"
#include "common/json_object_reader.h"
#include "common/json_number.h"
#include "common/quoted_text.h"

namespace mckit::sim {

namespace json = boost::json;

namespace {

enum class Kind { flag, integer, number, text };

Kind kind_of(const CLI::Option& opt) {
  if (opt.get_expected_max() == 0) return Kind::flag;
  const std::string type = opt.get_type_name();
  if (type.rfind("FLOAT", 0) == 0) return Kind::number;
  if (type.rfind("INT", 0) == 0 || type.rfind("UINT", 0) == 0) return Kind::integer;
  return Kind::text;
}

const char* describe(Kind k) {
  switch (k) {
    case Kind::flag: return "true or false";
    case Kind::integer: return "an integer";
    case Kind::number: return "a number";
    case Kind::text: return "a string";
  }
  return "";
}

// The value as the text the command line would have given, or false for a wrong type. A
// number's range (and an integer's having no fraction) is the option's own check.
bool as_argument(const json::value& v, Kind k, std::string& out) {
  switch (k) {
    case Kind::flag:
      if (!v.is_bool()) return false;
      out = v.get_bool() ? "true" : "false";
      return true;
    case Kind::integer:
    case Kind::number:
      if (!v.is_number()) return false;
      out = json_text(v);
      return true;
    case Kind::text:
      if (!v.is_string()) return false;
      out = std::string(v.get_string());
      return true;
  }
  return false;
}

// The option's own checks (range, known names) on `arg`, or its first complaint: a file's
// value is checked even where the command line overrides it.
std::string complaint(CLI::Option& opt, std::string arg) {
  for (int i = 0;; ++i) {
    CLI::Validator* check = nullptr;
    try {
      check = opt.get_validator(i);
    } catch (const CLI::OptionNotFound&) {
      return "";
    }
    const std::string error = (*check)(arg);
    if (!error.empty()) return error;
  }
}

}  // namespace

void apply_run_file(CLI::App& cmd, const std::string& path) {
  const json::value root = read_json_object_file(path, "run file");
  for (const auto& entry : root.get_object()) {
    const std::string key(entry.key());
    const std::string where = path + ": key " + quoted_excerpt(key);
    CLI::Option* opt = nullptr;
    if (!key.empty() && key[0] != '-' && key != "help")
      opt = cmd.get_option_no_throw("--" + key);
    if (opt == nullptr || opt->get_lnames().empty())
      throw InputError(where + ": unknown option (see mckit run --help)");
    const Kind kind = kind_of(*opt);
    std::string arg;
    if (!as_argument(entry.value(), kind, arg))
      throw InputError(where + ": must be " + describe(kind) + " (got " +
                       json_text(entry.value()) + ")");
    if (const std::string error = complaint(*opt, arg); !error.empty())
      throw InputError(where + ": " + error);
    if (opt->count() != 0) continue;  // the command line wins
    try {
      opt->add_result(arg);
      opt->run_callback();
    } catch (const CLI::Error& e) {
      throw InputError(where + ": " + e.what());
    }
  }
}

}  // namespace mckit::sim
