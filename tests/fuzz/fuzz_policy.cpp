// Fuzz target: a controller policy file, as `mckit run --policy FILE.json` loads it.
#include <cstddef>
#include <cstdint>

#include "ctrl/controller_policy.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = mckit::fuzz::input_file(data, size);
  mckit::fuzz::accept_input_errors([&] { mckit::ctrl::load_policy_file(path); });
  return 0;
}
