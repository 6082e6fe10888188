#include "rtl/rtl_controller.h"

#include "Vmc_top.h"
#include "common/input_error.h"
#include "rtl/mc_top_cfg.h"
#include "rtl/rtl_assertion.h"
#include "rtl/verilated_reset.h"
#include "verilated.h"

namespace mckit::sim {

namespace {

int log2_of(int value) {
  int bits = 0;
  while ((1 << bits) < value) ++bits;
  return bits;
}

}  // namespace

RtlController::RtlController(const dram::DramPreset& preset,
                             const ctrl::ControllerConfig& config,
                             const std::optional<WaveOptions>& waves)
    : RtlController(preset, ctrl::derive_controller_params(preset, config), waves) {}

RtlController::RtlController(const dram::DramPreset& preset,
                             const ctrl::ControllerParams& cfg,
                             const std::optional<WaveOptions>& waves)
    : bank_bits_(log2_of(preset.org.banks_per_group)),
      context_(std::make_unique<VerilatedContext>()) {
  if (waves) {
    GtkwView view;
    view.prefetcher = cfg.pf_kind != std::uint8_t(ctrl::PrefetcherKind::None);
    view.ranks = preset.org.ranks;
    waves_ = std::make_unique<WaveDump>(*waves, preset.timing.tCK_ps, view);
    context_->traceEverOn(true);
  }
  top_ = std::make_unique<Vmc_top>(context_.get(), "mc_top");
  if (waves_) {
    top_->trace(&waves_->tracer(), 99);
    waves_->open();
  }

  assign_cfg_ports(*top_, cfg);
  reset();
}

// rst_ni low for two clock edges, with the inputs idle; the waves do not show them.
void RtlController::reset() {
  Vmc_top& t = *top_;
  t.req_valid_i = 0;
  t.rsp_ready_i = 1;
  t.dfi_rddata_valid_i = 0;
  reset_two_cycles(t);
}

RtlController::~RtlController() {
  waves_.reset();  // a run that did not finish leaves no waves
  // Verilator 5.006 erases a model's scopes from the thread's current context, not from the
  // model's own: that must be this one, or destroying the older of two controllers of one
  // thread would reach into the younger one's context, already gone.
  Verilated::threadContextp(context_.get());
  top_->final();
}

dram::DramCommand RtlController::decode_command() const {
  const Vmc_top& t = *top_;
  const std::uint32_t in_rank = (std::uint32_t(t.dfi_bg_o) << 2) | t.dfi_bank_o;
  dram::DramCommand c;
  c.cycle = cycle_;
  c.cmd = static_cast<dram::Command>(t.dfi_cmd_o);
  c.rank = t.dfi_rank_o;
  c.bank_group = in_rank >> bank_bits_;
  c.bank = in_rank & ((1u << bank_bits_) - 1);
  // The bus carries the selected entry's row and column with every command: keep only the
  // fields this command uses, as ControllerCore promises.
  if (c.cmd == dram::Command::ACT || dram::is_column(c.cmd)) c.row = t.dfi_row_o;
  if (dram::is_column(c.cmd)) c.column = t.dfi_col_o;
  return c;
}

// A failed RTL assertion ends the run here, named with this cycle.
void RtlController::cycle(const ctrl::CoreInputs& in, ctrl::CoreOutputs& out) {
  try {
    step(in, out);
  } catch (const RtlAssertionFailure& e) {
    // The waves up to the failure are what debugging it needs: they are kept, with their save
    // file. Should they fail to be written, the assertion is still what the run reports.
    if (waves_) {
      try {
        waves_->finish();
      } catch (const InputError&) {
      }
      waves_.reset();
    }
    throw at_cycle(e, top_->name(), cycle_);
  }
}

void RtlController::step(const ctrl::CoreInputs& in, ctrl::CoreOutputs& out) {
  Vmc_top& t = *top_;
  t.req_valid_i = in.request_valid;
  if (in.request_valid) {
    t.req_write_i = in.request.write;
    t.req_addr_i = in.request.burst;
    t.req_id_i = in.request.id;
    t.req_stream_i = in.request.stream;
    t.req_wmask_i = in.request.mask;
  }
  t.dfi_rddata_valid_i = in.read_data_valid;
  t.rsp_ready_i = in.response_ready;

  t.clk_i = 0;
  t.eval();
  if (waves_) waves_->falling_edge(cycle_);

  out.request_ready = t.req_ready_o;
  out.command = decode_command();
  out.command_id = t.dfi_id_o;
  out.command_prefetch = t.dfi_prefetch_o;
  out.row_class = static_cast<ctrl::RowClass>(t.dfi_row_class_o);
  out.forward = t.req_fwd_o;
  out.forward_read_id = t.req_fwd_read_id_o;
  out.forward_write_id = t.req_fwd_id_o;
  out.prefetch_hit = t.req_pf_hit_o;
  out.prefetch_slot = t.req_pf_slot_o;
  out.prefetch_answer = t.req_pf_answer_o;
  out.prefetch_answer_id = t.req_pf_answer_id_o;
  out.prefetch_answer_slot = t.req_pf_answer_slot_o;
  out.response_valid = t.rsp_valid_o;
  out.response_id = t.rsp_id_o;
  out.response_forwarded = t.rsp_forwarded_o;
  out.response_prefetched = t.rsp_prefetched_o;
  out.refresh_owed[0] = t.ref_pending_o & 0xFF;
  out.refresh_owed[1] = (t.ref_pending_o >> 8) & 0xFF;

  t.clk_i = 1;
  t.eval();
  if (waves_) waves_->rising_edge_after(cycle_);
  ++cycle_;
}

ctrl::PfBufferCounters RtlController::prefetch_counters() const {
  const Vmc_top& t = *top_;
  return {t.pf_issued_o, t.pf_useful_o, t.pf_late_o, t.pf_evicted_unused_o};
}

void RtlController::finish() {
  if (!waves_) return;
  waves_->finish();
  waves_.reset();
}

}  // namespace mckit::sim
