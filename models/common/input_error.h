// An error the user can cause (bad preset, malformed log or trace line): the message
// names the file, the line or key, and what was expected. The CLI prints it and exits 2.
#pragma once

#include <stdexcept>
#include <string>

namespace mckit {

class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace mckit
