#include "tlm/controller_target.h"

#include <algorithm>
#include <cmath>

namespace mckit::tlm_models {

using sc_core::sc_time;

namespace {

sc_time tck_of(const dram::DramPreset& p) {
  // Whole units of the time resolution, so that cycle <-> time conversions are exact.
  const double units =
      std::round(p.tck_ns() * 1e-9 / sc_core::sc_get_time_resolution().to_seconds());
  return sc_time::from_value(std::uint64_t(units));
}

constexpr int kBurstIndexBits = 32;

std::uint64_t tag_of(std::uint32_t transaction, std::uint64_t burst) {
  return (std::uint64_t(transaction) << kBurstIndexBits) | burst;
}

}  // namespace

ControllerTarget::ControllerTarget(sc_core::sc_module_name name,
                                   std::unique_ptr<ctrl::MemorySystem> system,
                                   std::uint64_t quantum_cycles)
    : sc_module(name),
      socket("socket"),
      system_(std::move(system)),
      tck_(tck_of(system_->preset())),
      quantum_cycles_(quantum_cycles),
      burst_bytes_(std::uint64_t(system_->burst_bytes())) {
  socket.register_b_transport(this, &ControllerTarget::b_transport);
  socket.register_nb_transport_fw(this, &ControllerTarget::nb_transport_fw);
  system_->add_observer(this);
  SC_HAS_PROCESS(ControllerTarget);
  SC_THREAD(clock);
}

ControllerTarget::~ControllerTarget() = default;

std::uint64_t ControllerTarget::cycle_at(const sc_time& t) const {
  return (t.value() + tck_.value() - 1) / tck_.value();
}

// A response can be sent from another process's call (END_RESP) later than its cycle.
sc_time ControllerTarget::delay_until(std::uint64_t cycle) const {
  const sc_time at = sc_time::from_value(cycle * tck_.value());
  const sc_time now = sc_core::sc_time_stamp();
  return at > now ? at - now : sc_core::SC_ZERO_TIME;
}

// ---- Payloads in -------------------------------------------------------------------------
bool ControllerTarget::accept(tlm::tlm_generic_payload& p, std::uint64_t arrival, bool blocking,
                              sc_core::sc_event* done) {
  const std::uint64_t addr = p.get_address(), length = p.get_data_length();
  const std::uint64_t capacity = system_->preset().capacity_bytes();
  if (p.get_command() == tlm::TLM_IGNORE_COMMAND || length == 0) {
    p.set_response_status(tlm::TLM_OK_RESPONSE);
    return false;
  }
  if (addr >= capacity || length > capacity - addr) {
    p.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
    return false;
  }
  if (p.get_streaming_width() < length) {  // streaming (a FIFO address) is not memory
    p.set_response_status(tlm::TLM_BURST_ERROR_RESPONSE);
    return false;
  }
  if (p.get_byte_enable_ptr() && p.get_byte_enable_length() == 0) {
    p.set_response_status(tlm::TLM_BYTE_ENABLE_ERROR_RESPONSE);
    return false;
  }

  std::uint32_t index;
  if (free_transactions_.empty()) {
    index = std::uint32_t(transactions_.size());
    transactions_.emplace_back();
  } else {
    index = free_transactions_.back();
    free_transactions_.pop_back();
  }
  Transaction& t = transactions_[index];
  t = Transaction{&p, 0, blocking, done};

  // One request per burst the payload touches; the bytes it does not cover, or does not
  // enable, are left out of a write's mask and out of what a read copies back.
  const bool write = p.is_write();
  const unsigned char* data = p.get_data_ptr();
  const unsigned char* enables = p.get_byte_enable_ptr();
  const unsigned enable_length = p.get_byte_enable_length();
  const std::uint64_t first = addr / burst_bytes_, last = (addr + length - 1) / burst_bytes_;
  for (std::uint64_t b = first; b <= last; ++b) {
    Burst burst{arrival, tag_of(index, b - first), Request{}};
    Request& r = burst.request;
    r.addr = b * burst_bytes_;
    r.write = write;
    const std::uint64_t lo = std::max(addr, r.addr);
    const std::uint64_t hi = std::min(addr + length, r.addr + burst_bytes_);
    if (!enables && lo == r.addr && hi == r.addr + burst_bytes_) {  // the common whole burst
      r.mask = ~0ull;
      if (write) std::copy(data + (lo - addr), data + (hi - addr), r.data.begin());
    } else {
      r.mask = 0;
      for (std::uint64_t a = lo; a < hi; ++a) {
        const std::uint64_t i = a - addr;
        if (enables && enables[i % enable_length] != TLM_BYTE_ENABLED) continue;
        r.mask |= 1ull << (a - r.addr);
        if (write) r.data[std::size_t(a - r.addr)] = data[i];
      }
      if (r.mask == 0) continue;  // nothing of this burst is read or written
    }
    ++t.bursts_left;
    waiting_.push_back(burst);
  }
  if (t.bursts_left == 0) {
    free_transactions_.push_back(index);
    p.set_response_status(tlm::TLM_OK_RESPONSE);
    return false;
  }
  ++open_;
  p.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
  work_.notify(sc_core::SC_ZERO_TIME);
  return true;
}

void ControllerTarget::b_transport(tlm::tlm_generic_payload& p, sc_time& delay) {
  sc_core::sc_event done;
  if (!accept(p, cycle_at(sc_core::sc_time_stamp() + delay), true, &done)) return;
  wait(done);  // notified at the cycle the last burst completes
  delay = sc_core::SC_ZERO_TIME;
}

tlm::tlm_sync_enum ControllerTarget::nb_transport_fw(tlm::tlm_generic_payload& p,
                                                     tlm::tlm_phase& phase, sc_time& delay) {
  if (phase == tlm::BEGIN_REQ) {
    if (!accept(p, cycle_at(sc_core::sc_time_stamp() + delay), false, nullptr))
      return tlm::TLM_COMPLETED;
    if (p.has_mm()) p.acquire();  // held until its response is done
    phase = tlm::END_REQ;         // the request channel is free again at once
    return tlm::TLM_UPDATED;
  }
  if (phase == tlm::END_RESP) {
    response_in_progress_ = false;
    if (in_progress_->has_mm()) in_progress_->release();
    send_responses();
    return tlm::TLM_COMPLETED;
  }
  SC_REPORT_ERROR(name(), "nb_transport_fw: only BEGIN_REQ and END_RESP reach a target");
  return tlm::TLM_COMPLETED;
}

// ---- Payloads out ------------------------------------------------------------------------
void ControllerTarget::copy_read_data(const Transaction& t, std::uint64_t burst,
                                      const std::uint8_t* data) const {
  tlm::tlm_generic_payload& p = *t.payload;
  const std::uint64_t addr = p.get_address(), length = p.get_data_length();
  const std::uint64_t base = (addr / burst_bytes_ + burst) * burst_bytes_;
  const unsigned char* enables = p.get_byte_enable_ptr();
  const unsigned enable_length = p.get_byte_enable_length();
  const std::uint64_t lo = std::max(addr, base), hi = std::min(addr + length, base + burst_bytes_);
  unsigned char* out = p.get_data_ptr();
  if (!enables) {
    std::copy(data + (lo - base), data + (hi - base), out + (lo - addr));
    return;
  }
  for (std::uint64_t a = lo; a < hi; ++a) {
    const std::uint64_t i = a - addr;
    if (enables[i % enable_length] == TLM_BYTE_ENABLED) out[i] = data[a - base];
  }
}

void ControllerTarget::completed(const ctrl::Completion& c) {
  const std::uint32_t index = std::uint32_t(c.tag >> kBurstIndexBits);
  Transaction& t = transactions_[index];
  if (!c.write) copy_read_data(t, c.tag & ((1ull << kBurstIndexBits) - 1), c.data);
  if (--t.bursts_left == 0) finish_transaction(index, c.done_cycle);
}

void ControllerTarget::finish_transaction(std::uint32_t index, std::uint64_t cycle) {
  Transaction& t = transactions_[index];
  t.payload->set_response_status(tlm::TLM_OK_RESPONSE);
  --open_;
  if (t.blocking) {
    t.done->notify(delay_until(cycle));
    free_transactions_.push_back(index);
  } else {
    if (response_in_progress_) ++held_back_;
    responses_.emplace_back(index, cycle);
  }
}

// Base protocol: one BEGIN_RESP at a time; the next waits for END_RESP unless the initiator
// completes the response on the spot.
void ControllerTarget::send_responses() {
  while (!response_in_progress_ && !responses_.empty()) {
    const auto [index, cycle] = responses_.front();
    responses_.pop_front();
    tlm::tlm_generic_payload* p = transactions_[index].payload;
    free_transactions_.push_back(index);
    responded_since_sync_ = true;
    tlm::tlm_phase phase = tlm::BEGIN_RESP;
    sc_time delay = delay_until(cycle);
    const tlm::tlm_sync_enum status = socket->nb_transport_bw(*p, phase, delay);
    if (status == tlm::TLM_ACCEPTED || (status == tlm::TLM_UPDATED && phase != tlm::END_RESP)) {
      response_in_progress_ = true;
      in_progress_ = p;
    } else if (p->has_mm()) {
      p->release();
    }
  }
}

// ---- The clock ---------------------------------------------------------------------------
void ControllerTarget::sync() {
  const sc_time local = sc_time::from_value(system_->cycle() * tck_.value());
  if (local > sc_core::sc_time_stamp()) wait(local - sc_core::sc_time_stamp());
  // One delta more, so that processes woken at this time (an initiator's own quantum) have
  // sent what they have before the clock runs on.
  wait(sc_core::SC_ZERO_TIME);
  responded_since_sync_ = false;
}

void ControllerTarget::clock() {
  try {
    run_clock();
  } catch (...) {
    error_ = std::current_exception();
    sc_core::sc_stop();
  }
}

void ControllerTarget::run_clock() {
  ctrl::MemorySystem& m = *system_;
  // SystemC time moves only while this thread waits, so the quantum's end is recomputed
  // after each wait, not each cycle.
  std::uint64_t quantum_end = 0;
  const auto resume = [&] { quantum_end = cycle_at(sc_core::sc_time_stamp()) + quantum_cycles_; };
  resume();
  for (;;) {
    if (waiting_.empty() && !m.busy()) {
      sync();
      if (waiting_.empty() && !m.busy()) wait(work_);
      resume();
      continue;
    }
    // Another process may answer a response with a request: let it run before going on;
    // and the clock runs at most a quantum ahead.
    if ((waiting_.empty() && responded_since_sync_) || m.cycle() >= quantum_end) {
      sync();
      resume();
      continue;
    }
    if (!waiting_.empty() && m.can_offer() && waiting_.front().arrival <= m.cycle()) {
      m.offer(waiting_.front().request, waiting_.front().tag);
      waiting_.pop_front();
    }
    m.step();
    send_responses();
    // Nothing can enter before the next waiting burst arrives (or the port frees), nor
    // from another process before the next sync. An idle controller is not skipped: the
    // run ends where its last request did.
    std::uint64_t limit = quantum_end;
    if (!waiting_.empty() && m.can_offer()) limit = std::min(limit, waiting_.front().arrival);
    if (m.busy() || !waiting_.empty()) m.skip_quiet(limit);
  }
}

}  // namespace mckit::tlm_models
