// The interface of the memory-side prefetchers (C++ models of rtl/pf_*.sv, cycle for cycle at
// their ports). Each cycle: observe() the demand read the controller accepted, if any (at most
// one), kill() the burst a demand read asked for, if any (at most one), read candidate(), then
// clock() with pf_ready_i. Candidates appear the cycle after the read that predicts them; a
// killed one never appears again.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include "ctrl/controller_config.h"
#include "ctrl/pf_candidate_fifo.h"

namespace mckit::ctrl {

// The run-time configuration inputs of the pf_* blocks.
struct PrefetcherConfig {
  bool enable = true;
  unsigned distance = 1;   // 0..15: offset of the first candidate, in strides or bursts
  unsigned degree = 1;     // 0..15: candidates per prediction
  unsigned threshold = 2;  // pf_stride only: confidence needed, 0..2^ConfW - 1
};

inline constexpr unsigned kAddrBits = 34;    // mc_pkg::AddrW
inline constexpr unsigned kStreamBits = 8;   // mc_pkg::StreamW
inline constexpr unsigned kFifoDepth = 8;    // the pf_* blocks' default Depth

class Prefetcher {
 public:
  virtual ~Prefetcher() = default;

  // The demand read accepted this cycle (obs_valid_i, obs_addr_i, obs_stream_i); throws
  // std::invalid_argument on a value wider than its port or a second read in one cycle.
  void observe(std::uint64_t addr, std::uint32_t stream);
  // A demand read of `addr` this cycle (kill_i, kill_addr_i): the candidates of it pending now
  // are dropped. Throws std::invalid_argument on an address wider than its port or a second
  // kill in one cycle.
  void kill(std::uint64_t addr);
  // The candidate presented this cycle (pf_valid_o, pf_addr_o).
  std::optional<std::uint64_t> candidate() const { return fifo_.front(); }
  // Whether no candidate is pending, not even a killed one still to be dropped.
  bool idle() const { return fifo_.empty(); }
  // The clock edge, with this cycle's pf_ready_i.
  void clock(bool ready);

 protected:
  // Throws std::invalid_argument when a value does not fit its RTL input.
  Prefetcher(const PrefetcherConfig& config, unsigned fifo_depth);
  // Updates the block's table for a read and returns the candidates it predicts, if any.
  virtual std::optional<CandidateRun> predict(std::uint64_t addr, std::uint32_t stream) = 0;

  const PrefetcherConfig config_;

 private:
  CandidateFifo fifo_;
  bool observed_ = false;            // a read was observed this cycle
  std::optional<CandidateRun> run_;  // predicted this cycle, pushed at the edge
  std::optional<std::uint64_t> kill_;  // killed this cycle, marked at the edge
};

// The model of the block `kind` selects in mc_prefetch; null for PrefetcherKind::None.
std::unique_ptr<Prefetcher> make_prefetcher(PrefetcherKind kind, const PrefetcherConfig& config);

}  // namespace mckit::ctrl
