#include "common/shipped_config.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>

#include "common/input_error.h"

#ifndef MCKIT_SOURCE_CONFIG_DIR
#error "MCKIT_SOURCE_CONFIG_DIR must name the shipped configs/ folder"
#endif

namespace mckit {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::string config_dir(const ConfigKind& kind) {
  if (const char* env = std::getenv("MCKIT_CONFIG_DIR"); env && *env)
    return (fs::path(env) / kind.folder).string();
  return (fs::path(MCKIT_SOURCE_CONFIG_DIR) / kind.folder).string();
}

std::vector<std::string> shipped_config_names(const ConfigKind& kind) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(config_dir(kind), ec))
    if (entry.path().extension() == ".json") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string shipped_or_path(const ConfigKind& kind, const std::string& name_or_path) {
  const bool is_path = name_or_path.find('/') != std::string::npos ||
                       fs::path(name_or_path).extension() == ".json";
  if (is_path) return name_or_path;

  const std::vector<std::string> names = shipped_config_names(kind);
  for (const std::string& name : names)
    if (lower(name) == lower(name_or_path))
      return (fs::path(config_dir(kind)) / (name + ".json")).string();

  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  throw InputError("unknown " + kind.noun + " '" + name_or_path + "' (shipped: " + list +
                   "; or give the path of a " + kind.file + " .json file)");
}

}  // namespace mckit
