// mc_assert.svh: the assertion macros of the RTL. Each module that checks itself includes this
// file in its assertion section, at the end of the module, and names every check after the
// invariant it guards (UpperCamelCase, ending in _A), so that a failure says what broke.
//
//   `MC_ASSERT(NAME, PROP, CLK = clk_i, RST_N = rst_ni)
//       PROP (a boolean expression) holds at every rising edge of CLK outside reset, on the
//       values the flops see at that edge. Only with Verilator's --assert (every model of the
//       build is Verilated with it); nothing in synthesis (Yosys defines SYNTHESIS).
//       A failure calls the DPI-C function mc_assert_failed with the check's hierarchical name
//       (%m: instance path, then NAME); the simulation harness defines it
//       (sim/rtl/rtl_assertion.cpp throws mckit::sim::RtlAssertionFailure).
//   `MC_ASSERT_PARAM(NAME, COND)
//       COND (over parameters) holds at elaboration; otherwise elaboration stops with an error
//       naming the check and quoting COND. Kept in synthesis too: it makes no logic, and Yosys
//       0.23 reports it the same way.
//
// Why this form: a concurrent `assert property (@(posedge clk_i) disable iff (!rst_ni) ...)`
// (or any check sampled on the clock that reads rst_ni) beside flops with an asynchronous reset
// makes Verilator warn SYNCASYNCNET. A process sensitive to the clock and to the reset's
// falling edge, as the flops are, uses rst_ni asynchronously only. And Verilator's own `$error`
// action prints on stdout and, through $stop, aborts the process: the DPI call instead hands the
// name to the harness, which ends the run with one message.
`ifndef MC_ASSERT_SVH
`define MC_ASSERT_SVH

`define MC_ASSERT_PARAM(NAME, COND) \
  if (!(COND)) begin : NAME \
    $error(`"NAME: parameter check failed: COND`"); \
  end

`ifdef SYNTHESIS
`define MC_ASSERT(NAME, PROP, CLK = clk_i, RST_N = rst_ni)
`else
`define MC_ASSERT(NAME, PROP, CLK = clk_i, RST_N = rst_ni) \
  if (1'b1) begin : NAME \
    import "DPI-C" function void mc_assert_failed(input string name); \
    always @(posedge CLK or negedge RST_N) begin \
      if (RST_N) begin \
        assert (PROP) else mc_assert_failed($sformatf("%m")); \
      end \
    end \
  end
`endif

`endif  // MC_ASSERT_SVH
