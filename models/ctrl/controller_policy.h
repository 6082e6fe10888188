// Controller policies (configs/policies/*.json): a named ControllerConfig that an architect
// picks with `mckit run --policy NAME`, in the manner of DRAMSys's memory-controller configs.
// A policy file's keys are `mckit run`'s option names; a key it leaves out keeps the
// controller's default (ControllerConfig's initialisers, the one place defaults are written).
#pragma once

#include <string>
#include <vector>

#include "ctrl/controller_config.h"

namespace mckit::ctrl {

struct ControllerPolicy {
  std::string name;
  std::string description;  // what it is for, in one line
  std::string file;         // where it was read from
  ControllerConfig config;
};

// Reads and checks one policy file; errors name the file and the key.
ControllerPolicy load_policy_file(const std::string& path);
// A shipped policy (case-insensitive, file stem in policy_dir()) or a path to a .json file.
ControllerPolicy load_policy(const std::string& name_or_path);
// configs/policies of the source tree, or $MCKIT_CONFIG_DIR/policies.
std::string policy_dir();
std::vector<std::string> shipped_policy_names();

}  // namespace mckit::ctrl
