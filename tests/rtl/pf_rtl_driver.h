// Drives a Verilated pf_* block (Vpf_stride, ...) one cycle at a time through the same calls
// as the C++ models (ctrl::Prefetcher): observe(), kill(), candidate(), clock(ready).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

#include "ctrl/prefetcher.h"
#include "verilated.h"
#include "rtl/verilated_reset.h"

namespace mckit::test {

// Whether the block has a threshold_i input (pf_stride does).
template <class V, class = void>
struct HasThreshold : std::false_type {};
template <class V>
struct HasThreshold<V, std::void_t<decltype(std::declval<V&>().threshold_i)>> : std::true_type {};

template <class V>
class PfRtlDriver {
 public:
  explicit PfRtlDriver(const ctrl::PrefetcherConfig& c)
      : context_(std::make_unique<VerilatedContext>()),
        top_(std::make_unique<V>(context_.get(), "pf")) {
    V& t = *top_;
    t.enable_i = c.enable;
    t.distance_i = c.distance;
    t.degree_i = c.degree;
    if constexpr (HasThreshold<V>::value) t.threshold_i = c.threshold;
    t.obs_valid_i = 0;
    t.kill_i = 0;
    t.pf_ready_i = 0;
    sim::reset_two_cycles(t);
  }
  ~PfRtlDriver() { top_->final(); }

  void observe(std::uint64_t addr, std::uint32_t stream) {
    top_->obs_valid_i = 1;
    top_->obs_addr_i = addr;
    top_->obs_stream_i = stream;
  }

  void kill(std::uint64_t addr) {
    top_->kill_i = 1;
    top_->kill_addr_i = addr;
  }

  std::optional<std::uint64_t> candidate() {
    top_->eval();
    if (!top_->pf_valid_o) return std::nullopt;
    return top_->pf_addr_o;
  }

  void clock(bool ready) {
    V& t = *top_;
    t.pf_ready_i = ready;
    t.eval();
    t.clk_i = 1;
    t.eval();
    t.clk_i = 0;
    t.obs_valid_i = 0;
    t.kill_i = 0;
    t.eval();
  }

 private:
  std::unique_ptr<VerilatedContext> context_;
  std::unique_ptr<V> top_;
};

}  // namespace mckit::test
