// A failed assertion of the RTL (the MC_ASSERT checks of rtl/mc_assert.svh). Every Verilated
// model is built with --assert; a check that fails calls the DPI-C function mc_assert_failed
// (rtl_assertion.cpp) with its hierarchical name, which throws RtlAssertionFailure out of the
// model's eval(). The model is then mid-evaluation: the run ends there. `mckit` prints the
// message as its one line and exits with kExitFailed; a test sees an exception, not a crash.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace mckit::sim {

class RtlAssertionFailure : public std::runtime_error {
 public:
  // "RTL assertion <assertion> failed", with " at cycle <cycle>" when the cycle is known.
  // `assertion` is the check's place in the design, e.g. mc_top.u_timing.ActToClosedBank_A.
  explicit RtlAssertionFailure(const std::string& assertion,
                               std::optional<std::uint64_t> cycle = std::nullopt);

  const std::string& assertion() const { return assertion_; }
  std::optional<std::uint64_t> cycle() const { return cycle_; }

 private:
  std::string assertion_;
  std::optional<std::uint64_t> cycle_;
};

// The failure `e` (as thrown from the model, named from the model's instance name down) named
// from the design's top down, at `cycle`.
RtlAssertionFailure at_cycle(const RtlAssertionFailure& e, const char* instance,
                             std::uint64_t cycle);

// model.eval() at `cycle`: a failed assertion is thrown named from the design's top down.
template <class V>
void eval_at(V& model, std::uint64_t cycle) {
  try {
    model.eval();
  } catch (const RtlAssertionFailure& e) {
    throw at_cycle(e, model.name(), cycle);
  }
}

}  // namespace mckit::sim
