#include "testbench/tlm_initiator.h"

#include <algorithm>

namespace mckit::testbench {

using sc_core::sc_time;

TlmInitiator::TlmInitiator(sc_core::sc_module_name name, workloads::RequestSource& source,
                           int burst_bytes, sc_time tck, const InitiatorOptions& options)
    : sc_module(name),
      socket("socket"),
      source_(source),
      burst_bytes_(burst_bytes),
      tck_(tck),
      options_(options),
      pool_(std::size_t(burst_bytes)) {
  socket.register_nb_transport_bw(this, &TlmInitiator::nb_transport_bw);
  SC_HAS_PROCESS(TlmInitiator);
  SC_THREAD(run);
  SC_METHOD(end_response);
  sensitive << end_resp_due_;
  dont_initialize();
}

bool TlmInitiator::send_next(const sc_time& delay) {
  Request r;
  if (exhausted_ || !source_.next(r)) {
    exhausted_ = true;
    return false;
  }
  tlm::tlm_generic_payload* p = pool_.acquire();
  p->set_address(r.addr);
  p->set_command(r.write ? tlm::TLM_WRITE_COMMAND : tlm::TLM_READ_COMMAND);
  const std::uint64_t full = burst_bytes_ == 64 ? ~0ull : (1ull << burst_bytes_) - 1;
  if (r.write) std::copy(r.data.begin(), r.data.begin() + burst_bytes_, p->get_data_ptr());
  if ((r.mask & full) != full) {
    unsigned char* enables = pool_.use_byte_enables(p);
    for (int i = 0; i < burst_bytes_; ++i)
      enables[i] = (r.mask >> i) & 1 ? TLM_BYTE_ENABLED : TLM_BYTE_DISABLED;
  }
  ++sent_;
  if (on_request) on_request(*p);
  request_in_progress_ = true;
  tlm::tlm_phase phase = tlm::BEGIN_REQ;
  sc_time d = delay;
  const tlm::tlm_sync_enum status = socket->nb_transport_fw(*p, phase, d);
  if (status == tlm::TLM_COMPLETED || (status == tlm::TLM_UPDATED && phase == tlm::BEGIN_RESP)) {
    request_in_progress_ = false;
    response_done(*p, d);
  } else if (status == tlm::TLM_UPDATED && phase == tlm::END_REQ) {
    request_in_progress_ = false;
  }
  return true;
}

tlm::tlm_sync_enum TlmInitiator::nb_transport_bw(tlm::tlm_generic_payload& p,
                                                 tlm::tlm_phase& phase, sc_time& delay) {
  if (phase == tlm::END_REQ) {
    request_in_progress_ = false;
    if (options_.interval_cycles <= 0) fill(delay);
    else slot_free_.notify(delay);
    return tlm::TLM_ACCEPTED;
  }
  if (phase == tlm::BEGIN_RESP) {
    if (request_in_progress_) request_in_progress_ = false;  // BEGIN_RESP implies END_REQ
    if (!options_.end_resp_delay) {
      response_done(p, delay);
      return tlm::TLM_COMPLETED;
    }
    if (held_) SC_REPORT_ERROR(name(), "BEGIN_RESP before the previous response's END_RESP");
    held_ = &p;
    end_resp_due_.notify(delay + tck_ * double(options_.end_resp_delay()));
    return tlm::TLM_ACCEPTED;
  }
  SC_REPORT_ERROR(name(), "nb_transport_bw: only END_REQ and BEGIN_RESP reach an initiator");
  return tlm::TLM_COMPLETED;
}

// The target may begin the next response from within this call: the held one is let go
// first.
void TlmInitiator::end_response() {
  tlm::tlm_generic_payload& p = *held_;
  held_ = nullptr;
  tlm::tlm_phase phase = tlm::END_RESP;
  sc_time delay = sc_core::SC_ZERO_TIME;
  socket->nb_transport_fw(p, phase, delay);
  response_done(p, sc_core::SC_ZERO_TIME);
}

void TlmInitiator::response_done(tlm::tlm_generic_payload& p, const sc_time& delay) {
  if (p.is_response_error())
    SC_REPORT_ERROR(name(), ("payload at address " + std::to_string(p.get_address()) +
                             " failed: " + p.get_response_string())
                                .c_str());
  ++completed_;
  if (on_response) on_response(p);
  p.release();
  // Closed loop: the freed place goes to the next request at once, at the same time.
  if (options_.interval_cycles <= 0) fill(delay);
  else slot_free_.notify(delay);
  if (exhausted_ && completed_ == sent_) all_done_.notify(delay);
}

void TlmInitiator::fill(const sc_time& delay) {
  while (!request_in_progress_ && sent_ - completed_ < options_.max_outstanding &&
         send_next(delay)) {
  }
}

void TlmInitiator::run() {
  try {
    drive();
  } catch (...) {
    error_ = std::current_exception();
    sc_core::sc_stop();
  }
}

void TlmInitiator::drive() {
  if (options_.interval_cycles <= 0) {
    fill(sc_core::SC_ZERO_TIME);
  } else {
    // Open loop: request i is due at i x interval; sent ahead of time up to a quantum, as
    // annotated delays, so the thread wakes once a quantum rather than once a request.
    const sc_time quantum = tck_ * 4096.0;
    for (std::uint64_t i = 0; !exhausted_; ++i) {
      const sc_time due = tck_ * (double(i) * options_.interval_cycles);
      while (due > sc_core::sc_time_stamp() + quantum) wait(quantum);
      while (sent_ - completed_ >= options_.max_outstanding || request_in_progress_)
        wait(slot_free_);
      const sc_time now = sc_core::sc_time_stamp();
      send_next(due > now ? due - now : sc_core::SC_ZERO_TIME);
    }
  }
  if (!(exhausted_ && completed_ == sent_)) wait(all_done_);
  sc_core::sc_stop();
}

}  // namespace mckit::testbench
