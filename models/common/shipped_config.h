// The configuration files mckit ships (configs/dram, configs/models, configs/policies) and the
// one rule by which a command names them: a shipped name, case-insensitive, or a path.
#pragma once

#include <string>
#include <vector>

namespace mckit {

// A kind of shipped file: its folder under configs/ and how messages call it.
struct ConfigKind {
  std::string folder;  // "dram"
  std::string noun;    // "preset": "unknown preset 'x'"
  std::string file;    // "preset": "or give the path of a preset .json file"
};

// configs/FOLDER of the source tree, or $MCKIT_CONFIG_DIR/FOLDER when that is set.
std::string config_dir(const ConfigKind& kind);
// The stems of the .json files there, sorted.
std::vector<std::string> shipped_config_names(const ConfigKind& kind);
// The file `name_or_path` names: itself when it has a '/' or ends in .json, else the shipped
// file of that name, matched case-insensitively. An unknown name throws InputError listing
// the shipped ones.
std::string shipped_or_path(const ConfigKind& kind, const std::string& name_or_path);

}  // namespace mckit
