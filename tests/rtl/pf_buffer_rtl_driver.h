// Drives the Verilated pf_buffer (Vpf_buffer) one cycle at a time through the same calls as
// its C++ model (ctrl::PrefetchBuffer): outputs(in), then clock(in).
#pragma once

#include <memory>

#include "Vpf_buffer.h"
#include "ctrl/pf_buffer.h"
#include "verilated.h"
#include "rtl/verilated_reset.h"

namespace mckit::test {

class PfBufferRtlDriver {
 public:
  PfBufferRtlDriver()
      : context_(std::make_unique<VerilatedContext>()),
        top_(std::make_unique<Vpf_buffer>(context_.get(), "pfb")) {
    Vpf_buffer& t = *top_;
    apply({});
    sim::reset_two_cycles(t);
  }
  ~PfBufferRtlDriver() { top_->final(); }

  ctrl::PfBufferOut outputs(const ctrl::PfBufferIn& in) {
    apply(in);
    top_->eval();
    const Vpf_buffer& t = *top_;
    ctrl::PfBufferOut o;
    o.alloc_ok = t.alloc_ok_o;
    o.alloc_slot = t.alloc_slot_o;
    o.hit = t.hit_o;
    o.late = t.late_o;
    o.hit_slot = t.hit_slot_o;
    o.has = t.has_o;
    o.counters = {t.cnt_issued_o, t.cnt_useful_o, t.cnt_late_o, t.cnt_evicted_unused_o};
    return o;
  }

  void clock(const ctrl::PfBufferIn& in) {
    Vpf_buffer& t = *top_;
    apply(in);
    t.eval();
    t.clk_i = 1;
    t.eval();
    t.clk_i = 0;
    t.eval();
  }

 private:
  void apply(const ctrl::PfBufferIn& in) {
    Vpf_buffer& t = *top_;
    t.alloc_i = in.alloc;
    t.alloc_addr_i = in.alloc_addr;
    t.fill_i = in.fill;
    t.fill_slot_i = in.fill_slot;
    t.lookup_i = in.lookup;
    t.count_late_i = in.count_late;
    t.lookup_addr_i = in.lookup_addr;
    t.inval_i = in.inval;
    t.inval_addr_i = in.inval_addr;
    t.has_i = in.has;
    t.has_addr_i = in.has_addr;
  }

  std::unique_ptr<VerilatedContext> context_;
  std::unique_ptr<Vpf_buffer> top_;
};

}  // namespace mckit::test
