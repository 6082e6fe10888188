#include "rtl/rtl_assertion.h"

namespace mckit::sim {

namespace {

std::string message(const std::string& assertion, std::optional<std::uint64_t> cycle) {
  std::string text = "RTL assertion " + assertion + " failed";
  if (cycle) text += " at cycle " + std::to_string(*cycle);
  return text;
}

}  // namespace

RtlAssertionFailure::RtlAssertionFailure(const std::string& assertion,
                                         std::optional<std::uint64_t> cycle)
    : std::runtime_error(message(assertion, cycle)), assertion_(assertion), cycle_(cycle) {}

RtlAssertionFailure at_cycle(const RtlAssertionFailure& e, const char* instance,
                             std::uint64_t cycle) {
  // %m starts with the name the harness gave the model, unless it gave none.
  const std::string prefix = std::string(instance) + ".";
  const std::string& name = e.assertion();
  const bool under_instance = *instance && name.compare(0, prefix.size(), prefix) == 0;
  return RtlAssertionFailure(under_instance ? name.substr(prefix.size()) : name, cycle);
}

}  // namespace mckit::sim

// Called by a failing MC_ASSERT check (rtl/mc_assert.svh) from inside a model's eval(), with
// the check's %m. Verilated code is C++ compiled with exceptions, so the throw unwinds through
// it to the harness.
extern "C" void mc_assert_failed(const char* name) {
  throw mckit::sim::RtlAssertionFailure(name);
}
