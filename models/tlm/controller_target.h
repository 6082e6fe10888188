// The memory controller as a TLM-2.0 target. Generic-payload reads and writes arrive through
// b_transport (loosely timed) or nb_transport_fw (approximately timed, the base protocol's
// four phases, any number outstanding); each is split into the device's bursts (byte enables
// and unaligned ends become byte masks), the bursts go to a MemorySystem one per cycle, and
// the payload completes when its last burst does, read data reassembled in place.
//
// The clock runs inside one SystemC thread as a plain C++ loop, ahead of SystemC time by at
// most a quantum (temporal decoupling), so a run costs no context switch per clock edge.
// Requests carry their arrival time and enter the controller no earlier than that cycle;
// responses go back annotated with the cycle they complete, so the cycle-level order is the
// same as in the bare harness.
#pragma once

#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <vector>

#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

#include "ctrl/memory_system.h"

namespace mckit::tlm_models {

class ControllerTarget : public sc_core::sc_module, private ctrl::MemoryObserver {
 public:
  tlm_utils::simple_target_socket<ControllerTarget> socket;

  // `quantum_cycles`: how far the clock may run ahead of SystemC time.
  ControllerTarget(sc_core::sc_module_name name, std::unique_ptr<ctrl::MemorySystem> system,
                   std::uint64_t quantum_cycles = 4096);
  ~ControllerTarget() override;

  ctrl::MemorySystem& memory() { return *system_; }
  sc_core::sc_time tck() const { return tck_; }
  // Payloads accepted and not yet answered.
  std::size_t open_transactions() const { return open_; }
  // Responses that were ready while the previous one awaited its END_RESP, and waited.
  std::uint64_t responses_held_back() const { return held_back_; }
  // An error inside the clock (a stalled controller, a request the device cannot hold)
  // stops the simulation; this rethrows it once sc_start() has returned.
  void rethrow_error() const {
    if (error_) std::rethrow_exception(error_);
  }

 private:
  struct Transaction {
    tlm::tlm_generic_payload* payload = nullptr;
    std::uint64_t bursts_left = 0;
    bool blocking = false;        // b_transport: its caller waits on `done`
    sc_core::sc_event* done = nullptr;
  };
  struct Burst {                  // one burst waiting for the controller's request port
    std::uint64_t arrival;        // cycle
    std::uint64_t tag;            // {transaction, burst within it}
    Request request;
  };

  void b_transport(tlm::tlm_generic_payload& payload, sc_core::sc_time& delay);
  tlm::tlm_sync_enum nb_transport_fw(tlm::tlm_generic_payload& payload, tlm::tlm_phase& phase,
                                     sc_core::sc_time& delay);

  // Checks the payload and queues its bursts; false (status set) when it is refused.
  bool accept(tlm::tlm_generic_payload& payload, std::uint64_t arrival, bool blocking,
              sc_core::sc_event* done);
  void completed(const ctrl::Completion& c) override;
  void finish_transaction(std::uint32_t index, std::uint64_t cycle);
  void copy_read_data(const Transaction& t, std::uint64_t burst, const std::uint8_t* data) const;
  void send_responses();
  std::uint64_t cycle_at(const sc_core::sc_time& t) const;
  sc_core::sc_time delay_until(std::uint64_t cycle) const;
  void sync();
  void clock();
  void run_clock();

  std::unique_ptr<ctrl::MemorySystem> system_;
  const sc_core::sc_time tck_;
  const std::uint64_t quantum_cycles_;
  const std::uint64_t burst_bytes_;
  sc_core::sc_event work_;

  std::vector<Transaction> transactions_;
  std::vector<std::uint32_t> free_transactions_;
  std::deque<Burst> waiting_;                        // in arrival order
  std::deque<std::pair<std::uint32_t, std::uint64_t>> responses_;  // transaction, cycle
  bool response_in_progress_ = false;  // BEGIN_RESP sent, END_RESP not yet received
  tlm::tlm_generic_payload* in_progress_ = nullptr;
  std::size_t open_ = 0;
  bool responded_since_sync_ = false;
  std::uint64_t held_back_ = 0;
  std::exception_ptr error_;
};

}  // namespace mckit::tlm_models
