// The memory-side prefetcher of the controller, rtl/mc_prefetch.sv in C++: the configured
// predictor (ctrl/prefetcher.h), the prefetch buffer's tags (ctrl/pf_buffer.h), the slots'
// waiters and the throttle's credit. The head candidate is dropped when it lies beyond the
// device, is buffered or queued as demand, its bank is open to another row or has demand for
// another row, or the read queue is under pressure; else it is issued (ACT to its closed bank,
// RD to its open row) in a cycle the scheduler leaves empty, outside a rank waiting for a
// refresh, with a read slot free and the credit to pay for it; else it waits.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>

#include "ctrl/bank_index.h"
#include "ctrl/controller_params.h"
#include "ctrl/cycle_clock.h"
#include "ctrl/mc_addr_map.h"
#include "ctrl/mc_refresh.h"
#include "ctrl/mc_req_queue.h"
#include "ctrl/mc_timing.h"
#include "ctrl/pf_buffer.h"
#include "ctrl/prefetcher.h"
#include "dram/dram_command.h"

namespace mckit::ctrl {

// What the prefetcher does with its head candidate this cycle.
struct PrefetchStep {
  std::optional<std::uint64_t> addr;  // the head candidate
  DecodedAddress at;
  bool drop = false, act = false, try_rd = false;
};

// The cycle's inputs from the front end, the scheduler and the response path.
struct PrefetchPorts {
  bool lookup = false;  // a read that found no queued write asks for its burst
  std::uint64_t lookup_addr = 0;
  std::uint8_t lookup_id = 0;
  bool inval = false;  // a demand write makes the buffer forget its burst
  std::uint64_t inval_addr = 0;
  bool fill = false;   // the data of the prefetch read for this slot arrive
  unsigned fill_slot = 0;
};

// The cycle's outputs.
struct PrefetchOut {
  bool rd = false;  // the head candidate's RD goes, filling `slot`
  unsigned slot = 0;
  bool hit = false;    // the lookup found its data ready in `hit_slot`,
  bool merge = false;  // or in flight, and the read waits for the fill
  unsigned hit_slot = 0;
  bool answer = false;  // the fill answers the read `answer_id` that waited for it
  std::uint8_t answer_id = 0;
  PfBufferIn buffer_in;  // the buffer's inputs, for the edge
};

class PrefetchUnit {
 public:
  explicit PrefetchUnit(const ControllerParams& p);

  bool on() const { return predictor_ != nullptr; }
  // No candidate pending, not even a killed one (which leaves in a cycle of its own).
  bool idle() const { return !predictor_ || predictor_->idle(); }
  const PfBufferCounters& counters() const { return buffer_.counters(); }

  // The head candidate, given whether the cycle's command slot is free (no scheduler command,
  // no bus held).
  PrefetchStep step(CycleClock& clock, bool slot_free, const BankTiming& timing,
                    const RequestQueue& rq, const RequestQueue& wq,
                    const Refresh::PerRank& ref_active, bool in_flight_full) const {
    if (!predictor_) return {};
    return head(clock, slot_free, timing, rq, wq, ref_active, in_flight_full);
  }
  // The buffer's answers to this cycle's inputs (a read that finds its burst in flight waits
  // for the fill, unless another read does already).
  PrefetchOut outputs(const PrefetchStep& s, const PrefetchPorts& in) const {
    if (!predictor_) return {};
    return answers(s, in);
  }
  // The clock edge, with the front end's read (accepted when `take_read`; the one that
  // merges when o.merge). The predictor learns from accepted reads (the next-line one only
  // from those no prefetch served); every accepted read kills its burst's candidates.
  void clock(const PrefetchStep& s, const PrefetchOut& o, bool take_read, std::uint64_t read_addr,
             std::uint8_t read_id, std::uint8_t read_stream) {
    if (predictor_) edge(s, o, take_read, read_addr, read_id, read_stream);
  }
  // `cycles` quiet cycles pass: only the credit grows.
  void skip(std::uint64_t cycles);

 private:
  // The three above with a predictor.
  PrefetchStep head(CycleClock& clock, bool slot_free, const BankTiming& timing,
                    const RequestQueue& rq, const RequestQueue& wq,
                    const Refresh::PerRank& ref_active, bool in_flight_full) const;
  PrefetchOut answers(const PrefetchStep& s, const PrefetchPorts& in) const;
  void edge(const PrefetchStep& s, const PrefetchOut& o, bool take_read, std::uint64_t read_addr,
            std::uint8_t read_id, std::uint8_t read_stream);

  static constexpr int kSlots = ControllerLimits::kPrefetchEntries;

  ControllerParams p_;
  AddressMap map_;
  std::unique_ptr<Prefetcher> predictor_;  // none without a prefetcher
  PrefetchBuffer buffer_;
  std::array<bool, kSlots> waiting_{};  // per slot: a late read waits for its fill,
  std::array<std::uint8_t, kSlots> waiter_{};  // and which
  std::uint32_t credit_ = 0, credit_cost_ = 0, credit_cap_ = 0;
};

}  // namespace mckit::ctrl
