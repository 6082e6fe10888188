// What every fuzz target shares: the input as a file that the real readers open by its path,
// and the rule that an InputError is a reader's proper answer to bad input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "common/input_error.h"

namespace mckit::fuzz {

// The path (/proc/self/fd/N) of an in-memory file holding exactly `data`; the next call
// rewrites the same file.
std::string input_file(const std::uint8_t* data, std::size_t size);

// Runs `read`. An InputError is expected and ends the input; any other exception escapes, so
// that the fuzzer (or the replay) reports it as a finding.
template <class Read>
void accept_input_errors(Read&& read) {
  try {
    read();
  } catch (const InputError&) {
  }
}

}  // namespace mckit::fuzz
