// The reset every Verilated block gets (mc_top in the RTL backend, the pf_* blocks in their
// tests): two clock cycles with rst_ni low; cycle 0 starts after it, with the clock low.
#pragma once

namespace mckit::sim {

template <class V>
void reset_two_cycles(V& t) {
  t.rst_ni = 0;
  for (int i = 0; i < 2; ++i) {
    t.clk_i = 0;
    t.eval();
    t.clk_i = 1;
    t.eval();
  }
  t.clk_i = 0;
  t.rst_ni = 1;
  t.eval();
}

}  // namespace mckit::sim
