// The C++ reference controller: rtl/mc_top.sv in C++, register for register, so that it
// issues the same commands in the same cycles without evaluating gates. As mc_top, it is the
// front end, the registered command bus and the wiring between the blocks, each the twin of
// its RTL module: the address map (mc_addr_map), the request queues (mc_req_queue), the bank
// machines (mc_timing), refresh (mc_refresh), the scheduler (mc_scheduler), the responses
// (mc_rsp_path) and the prefetcher (mc_prefetch). Each cycle computes the outputs from the
// registers, then the registers' next values, in the RTL's terms (names follow the RTL's
// signals). Quiet stretches, in which nothing but time changes, are skipped.
#pragma once

#include <cstdint>

#include "ctrl/controller_config.h"
#include "ctrl/controller_core.h"
#include "ctrl/controller_params.h"
#include "ctrl/cycle_clock.h"
#include "ctrl/mc_addr_map.h"
#include "ctrl/mc_prefetch.h"
#include "ctrl/mc_refresh.h"
#include "ctrl/mc_req_queue.h"
#include "ctrl/mc_rsp_path.h"
#include "ctrl/mc_scheduler.h"
#include "ctrl/mc_timing.h"
#include "dram/dram_preset.h"

namespace mckit::ctrl {

class ReferenceController : public ControllerCore {
 public:
  // Throws InputError for a preset or policy the controller's build cannot serve.
  ReferenceController(const dram::DramPreset& preset, const ControllerConfig& config);

  void cycle(const CoreInputs& in, CoreOutputs& out) override;
  std::uint64_t now() const override { return clock_.now(); }
  void reset() override;
  PfBufferCounters prefetch_counters() const override { return prefetch_.counters(); }
  std::uint64_t quiet_until() const override;
  void skip_to(std::uint64_t cycle) override;

 private:
  void outputs(CoreOutputs& out) const;  // those held in registers

  const ControllerParams p_;
  const AddressMap map_;

  CycleClock clock_;
  bool quiet_ = false;  // the last cycle changed nothing but time

  // Front end.
  bool fe_valid_ = false, fe_write_ = false, fe_full_ = false;
  std::uint64_t fe_addr_ = 0;
  std::uint8_t fe_id_ = 0, fe_stream_ = 0;
  DecodedAddress fe_;
  bool serve_writes_ = false, serve_reads_ = false;
  // The last command holds its bus this cycle (hold_col_: it was a column command).
  bool hold_ = false, hold_col_ = false;
  bool fwd_ = false, pf_hit_ = false, pf_answer_ = false;
  std::uint8_t fwd_read_id_ = 0, fwd_id_ = 0, pf_hit_slot_ = 0;
  std::uint8_t pf_answer_id_ = 0, pf_answer_slot_ = 0;

  RequestQueue rq_, wq_;
  BankTiming timing_;
  Refresh refresh_;
  CommandScheduler scheduler_;
  ResponsePath rsp_;
  PrefetchUnit prefetch_;

  // The registered command bus.
  dram::DramCommand dfi_;
  std::uint8_t dfi_id_ = 0;
  bool dfi_prefetch_ = false;
  RowClass dfi_row_class_ = RowClass::Hit;
};

}  // namespace mckit::ctrl
