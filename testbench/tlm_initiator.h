// Drives a workload into a TLM-2.0 target with the base protocol's four phases: one payload
// per request (one burst; byte enables from its mask). Closed loop: at most
// `max_outstanding` payloads in flight, the next sent as soon as one completes. Open loop:
// one payload every `interval_cycles`, whatever the target does (still capped at
// `max_outstanding`, so an overloaded target cannot exhaust memory). A response is completed
// on the spot (TLM_COMPLETED), or, with `end_resp_delay`, accepted and ended (END_RESP) that
// many cycles later; the target may not begin the next response before.
#pragma once

#include <cstdint>
#include <exception>
#include <functional>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>

#include "tlm/payload_pool.h"
#include "workloads/request_source.h"

namespace mckit::testbench {

struct InitiatorOptions {
  std::uint64_t max_outstanding = 1024;
  double interval_cycles = 0;  // > 0: open loop at one request per this many cycles
  // Cycles from each BEGIN_RESP to its END_RESP (drawn per response, e.g. from a seeded
  // generator); empty: every response is completed on the spot.
  std::function<std::uint64_t()> end_resp_delay;
};

class TlmInitiator : public sc_core::sc_module {
 public:
  tlm_utils::simple_initiator_socket<TlmInitiator> socket;

  TlmInitiator(sc_core::sc_module_name name, workloads::RequestSource& source, int burst_bytes,
               sc_core::sc_time tck, const InitiatorOptions& options);

  // Called for every payload sent (BEGIN_REQ) and every completed one (progress display);
  // errors stop the run.
  std::function<void(const tlm::tlm_generic_payload&)> on_request;
  std::function<void(const tlm::tlm_generic_payload&)> on_response;

  void rethrow_error() const {
    if (error_) std::rethrow_exception(error_);
  }

 private:
  void run();
  void drive();
  // Sends the source's next request `delay` after now; false when the source is exhausted.
  bool send_next(const sc_core::sc_time& delay);
  // Closed loop: sends until `max_outstanding` are in flight or the source runs dry.
  void fill(const sc_core::sc_time& delay);
  tlm::tlm_sync_enum nb_transport_bw(tlm::tlm_generic_payload& p, tlm::tlm_phase& phase,
                                     sc_core::sc_time& delay);
  void end_response();  // END_RESP of the response held
  void response_done(tlm::tlm_generic_payload& p, const sc_core::sc_time& delay);

  workloads::RequestSource& source_;
  const int burst_bytes_;
  const sc_core::sc_time tck_;
  const InitiatorOptions options_;
  tlm_models::PayloadPool pool_;
  sc_core::sc_event slot_free_, all_done_;
  sc_core::sc_event end_resp_due_;
  bool request_in_progress_ = false;  // BEGIN_REQ sent, END_REQ not yet seen
  tlm::tlm_generic_payload* held_ = nullptr;  // BEGIN_RESP accepted, END_RESP not yet sent
  bool exhausted_ = false;
  std::uint64_t sent_ = 0, completed_ = 0;
  std::exception_ptr error_;
};

}  // namespace mckit::testbench
