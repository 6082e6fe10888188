// The read responses, rtl/mc_rsp_path.sv in C++. Reads issued to the DRAM wait in order for
// their data; reads answered at once (from a queued write or the prefetch buffer) are
// answered at once; both leave through one response queue, in order. A read is accepted only
// while fewer than the queue's size are unanswered. Prefetch reads wait in the same order for
// their data, which fill their buffer slot and may answer a read waiting for it.
#pragma once

#include <array>
#include <cstdint>

#include "ctrl/controller_params.h"

namespace mckit::ctrl {

// A read issued and awaiting its data.
struct InFlightRead {
  bool prefetch = false;
  std::uint8_t id = 0;  // the request, or the prefetch slot
};

// A response waiting to be taken.
struct Response {
  bool forwarded = false, prefetched = false;
  std::uint8_t id = 0;
};

// The inputs of one clock edge.
struct RspPathEdge {
  bool rd_issued = false;  // RD or RDA on the command bus, for
  InFlightRead rd;
  bool rsp_taken = false;  // the requester takes the head response
  bool rddata = false;     // the oldest issued read's data arrive
  bool fill_answer = false;  // ... and answer the read that waited for that prefetch
  std::uint8_t fill_answer_id = 0;
  bool accept_read = false;  // a read request is accepted,
  bool answered = false;     // answered at once,
  bool prefetched = false;   // from the prefetch buffer, else from a queued write
  std::uint8_t read_id = 0;
};

class ResponsePath {
 public:
  static constexpr int kInFlight = ControllerLimits::kInFlightReads;
  static constexpr int kOutstanding = ControllerLimits::kQueueDepth;

  bool can_accept() const { return outstanding_ != kOutstanding; }    // can_accept_o
  bool in_flight_full() const { return flight_count_ == kInFlight; }  // in_flight_full_o
  // The oldest read in flight, whose data come next (fill_o, fill_slot_o).
  const InFlightRead& flight_head() const { return flight_[std::size_t(flight_head_)]; }
  bool valid() const { return rsp_count_ > 0; }  // rsp_valid_o
  const Response& head() const { return rsp_[std::size_t(rsp_head_)]; }

  // Data of the oldest issued read (unless a prefetch's, which fill its slot), then a read
  // answered at once, leave in order; the head leaves when the requester takes it.
  void clock(const RspPathEdge& e) {
    if (e.rd_issued) flight_[std::size_t((flight_head_ + flight_count_++) % kInFlight)] = e.rd;
    if (e.rsp_taken) {
      rsp_head_ = (rsp_head_ + 1) % kOutstanding;
      --rsp_count_;
    }
    if (e.rddata) {
      const InFlightRead& head = flight_head();
      if (e.fill_answer) respond({false, true, e.fill_answer_id});
      else if (!head.prefetch) respond({false, false, head.id});
      flight_head_ = (flight_head_ + 1) % kInFlight;
      --flight_count_;
    }
    if (e.accept_read && e.answered) respond({!e.prefetched, e.prefetched, e.read_id});
    outstanding_ += int(e.accept_read) - int(e.rsp_taken);
  }

 private:
  void respond(const Response& r) {
    rsp_[std::size_t((rsp_head_ + rsp_count_++) % kOutstanding)] = r;
  }

  std::array<InFlightRead, kInFlight> flight_{};
  int flight_head_ = 0, flight_count_ = 0;
  std::array<Response, kOutstanding> rsp_{};
  int rsp_head_ = 0, rsp_count_ = 0;
  int outstanding_ = 0;
};

}  // namespace mckit::ctrl
