#include "rtl/rtl_harness.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include <unistd.h>

#include "Vmc_top.h"
#include "common/input_error.h"
#include "rtl/gtkw_writer.h"
#include "rtl/rtl_config.h"
#include "verilated.h"
#include "verilated_fst_c.h"

namespace mckit::sim {

namespace {

constexpr std::size_t kMaxViolationMessages = 10;

int log2_of(int value) {
  int bits = 0;
  while ((1 << bits) < value) ++bits;
  return bits;
}

bool on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "";
  for (std::size_t start = 0; start <= dirs.size();) {
    const std::size_t end = std::min(dirs.find(':', start), dirs.size());
    const std::filesystem::path candidate =
        std::filesystem::path(dirs.substr(start, end - start)) / program;
    if (access(candidate.c_str(), X_OK) == 0) return true;
    start = end + 1;
  }
  return false;
}

std::string hex(std::uint64_t v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

}  // namespace

RtlHarness::RtlHarness(const dram::DramPreset& preset, const RtlHarnessOptions& options)
    : preset_(preset),
      options_(options),
      burst_bytes_(preset.org.bytes_per_burst()),
      device_(preset_),
      context_(std::make_unique<VerilatedContext>()),
      slots_(RtlLimits::kIds) {
  dram::DramPreset controller_preset = preset_;
  if (options_.controller_timing) controller_preset.timing = *options_.controller_timing;
  const RtlConfigInputs cfg = derive_rtl_config(controller_preset, options_.controller);
  if (options_.waves) {
    const std::string& path = options_.waves->path;
    const std::string ext = std::filesystem::path(path).extension().string();
    if (ext != ".fst" && ext != ".vcd")
      throw InputError("waves file '" + path + "' must end in .fst or .vcd");
    if (ext == ".vcd" && !on_path("fst2vcd"))
      throw InputError("writing " + path +
                       " needs fst2vcd from GTKWave (make deps-view); .fst waves need nothing");
    trace_fst_path_ = ext == ".fst" ? path : path + ".fst";
    context_->traceEverOn(true);
  }
  top_ = std::make_unique<Vmc_top>(context_.get(), "mc_top");
  if (options_.waves) {
    trace_ = std::make_unique<VerilatedFstC>();
    top_->trace(trace_.get(), 99);
    trace_->open(trace_fst_path_.c_str());
    if (!trace_->isOpen()) throw InputError("cannot write waves file '" + trace_fst_path_ + "'");
  }

  Vmc_top& t = *top_;
  t.cfg_mapping_i = cfg.mapping;
  t.cfg_xor_i = cfg.xor_hash;
  t.cfg_col_bits_i = cfg.col_bits;
  t.cfg_bl_log2_i = cfg.bl_log2;
  t.cfg_bank_bits_i = cfg.bank_bits;
  t.cfg_bg_bits_i = cfg.bg_bits;
  t.cfg_rank_bits_i = cfg.rank_bits;
  t.cfg_burst_mask_i = cfg.burst_mask;
  t.cfg_scheduler_i = cfg.scheduler;
  t.cfg_page_policy_i = cfg.page_policy;
  t.cfg_age_cap_i = cfg.age_cap;
  t.cfg_idle_timeout_i = cfg.idle_timeout;
  t.cfg_wq_high_i = cfg.wq_high;
  t.cfg_wq_low_i = cfg.wq_low;
  t.cfg_refresh_en_i = cfg.refresh_en;
  t.cfg_ref_postpone_i = cfg.ref_postpone;
  t.cfg_trcd_i = cfg.trcd;
  t.cfg_trcdwr_i = cfg.trcdwr;
  t.cfg_trp_i = cfg.trp;
  t.cfg_trpab_i = cfg.trpab;
  t.cfg_tras_i = cfg.tras;
  t.cfg_trc_i = cfg.trc;
  t.cfg_tcl_i = cfg.tcl;
  t.cfg_tcwl_i = cfg.tcwl;
  t.cfg_tbl_i = cfg.tbl;
  t.cfg_trtp_i = cfg.trtp;
  t.cfg_twr_i = cfg.twr;
  t.cfg_twtr_s_i = cfg.twtr_s;
  t.cfg_twtr_l_i = cfg.twtr_l;
  t.cfg_tccd_s_i = cfg.tccd_s;
  t.cfg_tccd_l_i = cfg.tccd_l;
  t.cfg_tccd_l_wr_i = cfg.tccd_l_wr;
  t.cfg_trrd_s_i = cfg.trrd_s;
  t.cfg_trrd_l_i = cfg.trrd_l;
  t.cfg_tfaw_i = cfg.tfaw;
  t.cfg_trtw_i = cfg.trtw;
  t.cfg_trtrs_i = cfg.trtrs;
  t.cfg_trfc_i = cfg.trfc;
  t.cfg_trefi_i = cfg.trefi;

  // Two clock cycles in reset; cycle 0 starts after it.
  t.req_valid_i = 0;
  t.rsp_ready_i = 1;
  t.dfi_rddata_valid_i = 0;
  t.rst_ni = 0;
  for (int i = 0; i < 2; ++i) {
    t.clk_i = 0;
    t.eval();
    t.clk_i = 1;
    t.eval();
  }
  t.clk_i = 0;
  t.rst_ni = 1;
  t.eval();

  for (std::uint32_t id = RtlLimits::kIds; id-- > 0;) free_ids_.push_back(id);
  stats_.tck_ns = preset_.tck_ns();
  stats_.peak_gbps = preset_.peak_bandwidth_gbps();
}

RtlHarness::~RtlHarness() {
  if (trace_) trace_->close();
  top_->final();
}

dram::DramCommand RtlHarness::decode_command() const {
  const Vmc_top& t = *top_;
  const int bank_bits = log2_of(preset_.org.banks_per_group);
  const std::uint32_t in_rank = (std::uint32_t(t.dfi_bg_o) << 2) | t.dfi_bank_o;
  dram::DramCommand c;
  c.cycle = cycle_;
  c.cmd = static_cast<dram::Command>(t.dfi_cmd_o);
  c.rank = t.dfi_rank_o;
  c.bank_group = in_rank >> bank_bits;
  c.bank = in_rank & ((1u << bank_bits) - 1);
  c.row = t.dfi_row_o;
  c.column = t.dfi_col_o;
  return c;
}

void RtlHarness::issue_to_device(std::uint64_t cycle) {
  const Vmc_top& t = *top_;
  if (t.dfi_cmd_o == std::uint8_t(dram::Command::NOP)) return;
  const dram::DramCommand c = decode_command();
  const std::uint32_t id = t.dfi_id_o;

  if (dram::is_write(c.cmd)) {
    const Slot& s = slots_[id];
    std::array<std::uint8_t, kMaxBurstBytes> mask{};
    for (int i = 0; i < burst_bytes_; ++i) mask[std::size_t(i)] = (s.request.mask >> i) & 1;
    device_.issue(c, s.request.data.data(), mask.data());
    if (on_completion) on_completion({s.sequence, true, s.accept_cycle, cycle});
    last_progress_ = cycle;  // refreshes alone are no progress
    free_ids_.push_back(id);
    --outstanding_;
  } else {
    device_.issue(c);
    if (dram::is_read(c.cmd)) read_ids_in_flight_.push_back(id);
  }
  if (dram::is_column(c.cmd)) {
    switch (t.dfi_row_class_o) {
      case 0: ++stats_.row_hits; break;
      case 1: ++stats_.row_misses; break;
      default: ++stats_.row_conflicts; break;
    }
  }
  if (c.cmd == dram::Command::REF) {
    // The count has already dropped for this REF, which was owed too.
    const std::uint64_t owed = ((t.ref_pending_o >> (4 * c.rank)) & 0xF) + 1;
    if (owed >= 2) ++stats_.refreshes_postponed;
    stats_.max_refresh_owed = std::max(stats_.max_refresh_owed, owed);
  }
  record_violations();
  if (on_command) on_command({c, id});
}

void RtlHarness::record_violations() {
  const auto& all = device_.violations();
  for (; violations_seen_ < all.size(); ++violations_seen_) {
    ++stats_.violations;
    if (stats_.first_violations.size() < kMaxViolationMessages)
      stats_.first_violations.push_back(all[violations_seen_].message());
  }
}

void RtlHarness::accept_request(std::uint32_t id, std::uint64_t cycle) {
  Slot& s = slots_[id];
  s.accept_cycle = cycle;
  last_progress_ = cycle;
  offered_.reset();
  ++outstanding_;
  const Request& r = s.request;
  if (r.write) {
    ++stats_.writes;
    if (options_.check_data) {
      auto [it, inserted] = shadow_.try_emplace(r.addr);
      if (inserted) it->second.fill(0);
      for (int i = 0; i < burst_bytes_; ++i)
        if ((r.mask >> i) & 1) it->second[std::size_t(i)] = r.data[std::size_t(i)];
    }
    return;
  }
  ++stats_.reads;
  if (options_.check_data) {
    const auto it = shadow_.find(r.addr);
    if (it == shadow_.end()) s.expected.fill(0);
    else s.expected = it->second;
  }
}

void RtlHarness::complete_read(std::uint32_t id, std::uint64_t cycle) {
  Slot& s = slots_[id];
  last_progress_ = cycle;
  stats_.read_latency.add(cycle - s.accept_cycle);
  if (top_->rsp_forwarded_o) ++stats_.forwarded_reads;
  if (options_.check_data &&
      !std::equal(s.read_data.begin(), s.read_data.begin() + burst_bytes_, s.expected.begin()))
    ++stats_.data_mismatches;
  if (on_completion) on_completion({s.sequence, false, s.accept_cycle, cycle});
  free_ids_.push_back(id);
  --outstanding_;
}

void RtlHarness::step(workloads::RequestSource& source, bool& source_done) {
  Vmc_top& t = *top_;
  const std::uint64_t c = cycle_;

  if (!offered_ && !source_done && !free_ids_.empty() && (!gate_ || gate_(c, next_sequence_))) {
    Request r;
    if (source.next(r)) {
      if (r.addr % std::uint64_t(burst_bytes_) != 0 || r.addr >= preset_.capacity_bytes())
        throw InputError("request " + std::to_string(next_sequence_) + ": address " +
                         hex(r.addr) + " is not a " + std::to_string(burst_bytes_) +
                         "-byte burst inside the " + std::to_string(preset_.capacity_bytes()) +
                         " bytes of " + preset_.name);
      const std::uint32_t id = free_ids_.back();
      free_ids_.pop_back();
      slots_[id].request = r;
      slots_[id].sequence = next_sequence_++;
      offered_ = id;
    } else {
      source_done = true;
    }
  }
  if (offered_) {
    const Request& r = slots_[*offered_].request;
    t.req_valid_i = 1;
    t.req_write_i = r.write;
    t.req_addr_i = r.addr / std::uint64_t(burst_bytes_);
    t.req_id_i = std::uint8_t(*offered_);
    t.req_stream_i = std::uint8_t(r.stream);
    t.req_wmask_i = r.mask;
  } else {
    t.req_valid_i = 0;
  }
  dram::ReadBurst burst;
  const bool data_back = device_.pop_read(c, burst);
  if (data_back) {
    const std::uint32_t id = read_ids_in_flight_.front();
    read_ids_in_flight_.pop_front();
    std::copy(burst.data.begin(), burst.data.end(), slots_[id].read_data.begin());
  }
  t.dfi_rddata_valid_i = data_back;
  t.rsp_ready_i = 1;

  t.clk_i = 0;
  t.eval();
  dump_wave(2 * c);

  // A forward first: the write it copies may leave for the device in this same cycle.
  if (t.req_fwd_o) slots_[t.req_fwd_read_id_o].read_data = slots_[t.req_fwd_id_o].request.data;
  issue_to_device(c);
  if (t.req_valid_i && t.req_ready_o) accept_request(t.req_id_i, c);
  if (t.rsp_valid_o && t.rsp_ready_i) complete_read(t.rsp_id_o, c);

  t.clk_i = 1;
  t.eval();
  dump_wave(2 * c + 1);
  ++cycle_;

  if (outstanding_ > 0 && cycle_ - last_progress_ > options_.stall_limit)
    throw std::runtime_error("the RTL controller made no progress for " +
                             std::to_string(options_.stall_limit) + " cycles at cycle " +
                             std::to_string(cycle_) + " with " + std::to_string(outstanding_) +
                             " requests outstanding");
}

stats::RunStats RtlHarness::run(workloads::RequestSource& source) {
  const auto start = std::chrono::steady_clock::now();
  const std::uint64_t first_cycle = cycle_;
  bool source_done = false;
  last_progress_ = cycle_;
  while (!source_done || offered_ || outstanding_ > 0) step(source, source_done);
  device_.finish(cycle_);
  record_violations();
  finish_waves();
  stats_.cycles = cycle_ - first_cycle;
  stats_.bytes = (stats_.reads + stats_.writes) * std::uint64_t(burst_bytes_);
  for (int k = 0; k < dram::kCommandCount; ++k)
    stats_.commands[std::size_t(k)] = device_.count(static_cast<dram::Command>(k));
  stats_.energy = device_.energy();
  stats_.unanswered = outstanding_;
  stats_.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stats_;
}

void RtlHarness::dump_wave(std::uint64_t time) {
  if (!trace_) return;
  const std::uint64_t c = time / 2;
  if (c >= options_.waves->start && c < options_.waves->end) trace_->dump(time);
}

void RtlHarness::finish_waves() {
  if (!trace_) return;
  trace_->close();
  trace_.reset();
  // The save file is made from the FST's hierarchy, before a .vcd conversion removes it.
  write_gtkw(trace_fst_path_, options_.waves->path, gtkw_path_for(options_.waves->path));
  if (trace_fst_path_ == options_.waves->path) return;
  const std::string command =
      "fst2vcd -f '" + trace_fst_path_ + "' -o '" + options_.waves->path + "' >/dev/null 2>&1";
  const int rc = std::system(command.c_str());
  std::filesystem::remove(trace_fst_path_);
  if (rc != 0) throw InputError("fst2vcd could not write " + options_.waves->path);
}

}  // namespace mckit::sim
