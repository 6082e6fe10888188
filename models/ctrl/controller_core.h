// The memory controller as the rest of the kit sees it: mc_top's pins, one clock cycle at a
// time. Two implementations: the Verilated RTL (sim/rtl) and the C++ reference controller
// (models/ctrl), which mirrors the RTL cycle for cycle.
#pragma once

#include <array>
#include <cstdint>

#include "ctrl/encodings.h"  // RowClass, generated with mc_pkg::row_class_e (docs/fields.md)
#include "ctrl/pf_buffer.h"
#include "dram/dram_command.h"

namespace mckit::ctrl {

// The request port (req_*): one burst.
struct CoreRequest {
  bool write = false;
  std::uint64_t burst = 0;     // burst address: byte address / bytes per burst
  std::uint8_t id = 0;         // tags the request's slot in the data buffer beside the core
  std::uint8_t stream = 0;
  std::uint64_t mask = ~0ull;  // bytes written, bit i = byte i of the burst
};

struct CoreInputs {
  bool request_valid = false;
  CoreRequest request;
  bool read_data_valid = false;  // the oldest issued read's data arrive (dfi_rddata_valid_i)
  bool response_ready = true;    // the requester takes the response offered (rsp_ready_i)
};

// The outputs during one cycle. A response offered (response_valid) is taken in a cycle whose
// inputs say response_ready, and offered again until then.
struct CoreOutputs {
  bool request_ready = false;
  // The command bus. Fields a command does not use are zero: row for all but ACT and
  // RD/WR (whose row the device checks against the open one), column for all but RD/WR,
  // bank and bank group for PREA and REF.
  dram::DramCommand command;
  std::uint8_t command_id = 0;          // the request a RD/WR serves, or a prefetch RD's slot
  bool command_prefetch = false;        // the command (ACT or RD/RDA) is a prefetch's
  RowClass row_class = RowClass::Hit;   // of a RD/WR
  bool forward = false;                 // read forward_read_id is answered with the data
  std::uint8_t forward_read_id = 0;     // of queued write forward_write_id
  std::uint8_t forward_write_id = 0;
  bool prefetch_hit = false;            // read forward_read_id is answered with the data
  std::uint8_t prefetch_slot = 0;       // of this prefetch buffer slot
  bool prefetch_answer = false;         // read prefetch_answer_id, which waited for a
  std::uint8_t prefetch_answer_id = 0;  // prefetch, is answered with the data of
  std::uint8_t prefetch_answer_slot = 0;  // this slot, just filled
  bool response_valid = false;
  std::uint8_t response_id = 0;
  bool response_forwarded = false;
  bool response_prefetched = false;
  std::array<std::uint8_t, 2> refresh_owed{};  // per rank (ref_pending_o, 8 bits a rank)
};

class ControllerCore {
 public:
  virtual ~ControllerCore() = default;

  // Cycle `now()`: the outputs for these inputs, then the clock edge.
  virtual void cycle(const CoreInputs& in, CoreOutputs& out) = 0;
  virtual std::uint64_t now() const = 0;
  // mc_top's reset (rst_ni), between two cycles: every queue, read in flight, response and
  // the prefetcher emptied, every bank taken as closed, the refresh count restarted. now()
  // goes on; the configuration stays.
  virtual void reset() = 0;
  // The prefetch buffer's counters (pf_*_o).
  virtual PfBufferCounters prefetch_counters() const = 0;

  // The first cycle at which the outputs or state can change again if the inputs stay as
  // they were in the last cycle (the same request still offered, or none) and no read data
  // arrive. now() when the core cannot tell.
  virtual std::uint64_t quiet_until() const { return now(); }
  // Jumps over quiet cycles: `cycle` is at most quiet_until().
  virtual void skip_to(std::uint64_t cycle) { (void)cycle; }

  // The run is over (waves are closed and written).
  virtual void finish() {}
};

}  // namespace mckit::ctrl
