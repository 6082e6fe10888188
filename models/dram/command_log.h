// Reads a controller's command log (docs/command-log.md) and checks it on the device model.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "dram/dram_command.h"
#include "dram/dram_device.h"

namespace mckit::dram {

struct LoggedCommand {
  DramCommand command;
  std::size_t line = 0;
};

// Calls `sink` for each command of the log, in order. Throws InputError "file:line: problem"
// on a malformed line, a line longer than LineReader::kMaxLineBytes, a field out of the
// preset's range, or a cycle going backwards.
void read_command_log(std::istream& in, const std::string& file, const Organization& org,
                      const std::function<void(const LoggedCommand&)>& sink);

struct LogCheckResult {
  std::uint64_t commands = 0;
  std::uint64_t last_cycle = 0;
  std::vector<std::pair<std::size_t, Violation>> violations;  // with the log line
  EnergyReport energy;
};

// Runs the whole log through a device of `preset`, reading it once as a stream (a pipe or a
// gzip-compressed file will do). Write data is not in the log: writes
// store zeros, which leaves timing and energy unaffected.
LogCheckResult check_command_log(const std::string& path, const DramPreset& preset);

}  // namespace mckit::dram
