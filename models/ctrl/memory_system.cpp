#include "ctrl/memory_system.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "common/hex_text.h"
#include "common/input_error.h"
#include "ctrl/controller_params.h"

namespace mckit::ctrl {

namespace {

constexpr std::size_t kMaxViolationMessages = 10;

}  // namespace

MemorySystem::MemorySystem(const dram::DramPreset& preset, std::unique_ptr<ControllerCore> core,
                           std::uint64_t stall_limit)
    : burst_bytes_(preset.org.bytes_per_burst()),
      stall_limit_(stall_limit),
      device_(preset),
      core_(std::move(core)),
      slots_(ControllerLimits::kIds),
      prefetched_(ControllerLimits::kPrefetchEntries) {
  free_all_ids();
  cycle_ = core_->now();
  last_progress_ = cycle_;
  stats_.tck_ns = preset.tck_ns();
  stats_.peak_gbps = preset.peak_bandwidth_gbps();
}

void MemorySystem::free_all_ids() {
  free_ids_.clear();
  for (std::uint32_t id = ControllerLimits::kIds; id-- > 0;) free_ids_.push_back(id);
}

ResetReport MemorySystem::reset() {
  take_prefetch_counters(outstanding_);
  core_->reset();
  device_.reset(cycle_);
  const ResetReport dropped{outstanding_, reads_in_flight_.size()};
  reads_in_flight_.clear();
  offered_.reset();
  in_ = CoreInputs{};
  outstanding_ = 0;
  last_progress_ = cycle_;
  free_all_ids();
  for (MemoryObserver* o : observers_) o->reset(cycle_);
  return dropped;
}

void MemorySystem::offer(const Request& r, std::uint64_t tag) {
  const dram::DramPreset& p = device_.preset();
  if (r.addr % std::uint64_t(burst_bytes_) != 0 || r.addr >= p.capacity_bytes())
    throw InputError("request " + std::to_string(tag) + ": address " + hex_text(r.addr) +
                     " is not a " + std::to_string(burst_bytes_) + "-byte burst inside the " +
                     std::to_string(p.capacity_bytes()) + " bytes of " + p.name);
  const std::uint32_t id = free_ids_.back();
  free_ids_.pop_back();
  Slot& s = slots_[id];
  s.request = r;
  s.tag = tag;
  offered_ = id;
  port_changed_ = true;
  in_.request_valid = true;
  in_.request.write = r.write;
  in_.request.burst = r.addr / std::uint64_t(burst_bytes_);
  in_.request.id = std::uint8_t(id);
  in_.request.stream = std::uint8_t(r.stream);
  in_.request.mask = r.mask;
}

void MemorySystem::issue_to_device(const CoreOutputs& out) {
  const dram::DramCommand& c = out.command;
  if (c.cmd == dram::Command::NOP) return;
  const std::uint32_t id = out.command_id;
  if (dram::is_write(c.cmd)) {
    const Slot& s = slots_[id];
    std::array<std::uint8_t, kMaxBurstBytes> mask{};
    for (int i = 0; i < burst_bytes_; ++i) mask[std::size_t(i)] = (s.request.mask >> i) & 1;
    device_.issue(c, s.request.data.data(), mask.data());
    const Completion done{s.tag, true, s.accept_cycle, cycle_, false, s.request.data.data()};
    for (MemoryObserver* o : observers_) o->completed(done);
    last_progress_ = cycle_;  // refreshes alone are no progress
    free_ids_.push_back(id);
    --outstanding_;
  } else {
    device_.issue(c);
    if (dram::is_read(c.cmd)) reads_in_flight_.push_back({out.command_prefetch, id});
  }
  if (out.command_prefetch) {
    ++(c.cmd == dram::Command::ACT ? stats_.prefetch.activates : stats_.prefetch.issued);
  } else if (dram::is_column(c.cmd)) {
    if (dram::is_read(c.cmd)) ++stats_.prefetch.demand_dram_reads;
    switch (out.row_class) {
      case RowClass::Hit: ++stats_.row_hits; break;
      case RowClass::Miss: ++stats_.row_misses; break;
      case RowClass::Conflict: ++stats_.row_conflicts; break;
    }
  }
  if (dram::is_refresh(c.cmd)) {
    // The count has already dropped for this refresh, which was owed too.
    const std::uint64_t owed = std::uint64_t(out.refresh_owed[c.rank]) + 1;
    if (owed >= 2) ++stats_.refreshes_postponed;
    stats_.max_refresh_owed = std::max(stats_.max_refresh_owed, owed);
  }
  record_violations();
  const IssuedCommand issued{c, id, out.command_prefetch};
  for (MemoryObserver* o : observers_) o->issued(issued);
}

void MemorySystem::record_violations() {
  const auto& all = device_.violations();
  for (; violations_seen_ < all.size(); ++violations_seen_) {
    ++stats_.violations;
    if (stats_.first_violations.size() < kMaxViolationMessages)
      stats_.first_violations.push_back(all[violations_seen_].message());
  }
}

void MemorySystem::accept(std::uint32_t id) {
  Slot& s = slots_[id];
  s.accept_cycle = cycle_;
  last_progress_ = cycle_;
  offered_.reset();
  in_.request_valid = false;
  ++outstanding_;
  ++(s.request.write ? stats_.writes : stats_.reads);
  for (MemoryObserver* o : observers_) o->accepted(s.tag, s.request, cycle_);
}

void MemorySystem::respond(const CoreOutputs& out) {
  const std::uint32_t id = out.response_id;
  Slot& s = slots_[id];
  last_progress_ = cycle_;
  if (out.response_forwarded) ++stats_.forwarded_reads;
  const Completion done{s.tag, false, s.accept_cycle, cycle_, out.response_forwarded,
                        s.read_data.data()};
  for (MemoryObserver* o : observers_) o->completed(done);
  free_ids_.push_back(id);
  --outstanding_;
}

void MemorySystem::step() {
  dram::ReadBurst burst;
  in_.read_data_valid = device_.pop_read(cycle_, burst);
  if (in_.read_data_valid) {
    const InFlightRead r = reads_in_flight_.front();
    reads_in_flight_.pop_front();
    Burst& to = r.prefetch ? prefetched_[r.id] : slots_[r.id].read_data;
    std::copy(burst.data.begin(), burst.data.end(), to.begin());
  }

  const bool offered = in_.request_valid;
  port_changed_ = false;
  in_.response_ready = !response_ready_ || response_ready_(cycle_);
  core_->cycle(in_, out_);
  // A forward first: the write it copies may leave for the device in this same cycle.
  if (out_.forward)
    slots_[out_.forward_read_id].read_data = slots_[out_.forward_write_id].request.data;
  if (out_.prefetch_hit) {
    slots_[out_.forward_read_id].read_data = prefetched_[out_.prefetch_slot];
    ++stats_.prefetch.useful;
  }
  if (out_.prefetch_answer) {
    slots_[out_.prefetch_answer_id].read_data = prefetched_[out_.prefetch_answer_slot];
    ++stats_.prefetch.useful;
  }
  issue_to_device(out_);
  if (offered && out_.request_ready) accept(in_.request.id);
  if (out_.response_valid && in_.response_ready) respond(out_);
  ++cycle_;

  if (outstanding_ > 0 && cycle_ - last_progress_ > stall_limit_)
    throw std::runtime_error("the controller made no progress for " +
                             std::to_string(stall_limit_) + " cycles at cycle " +
                             std::to_string(cycle_) + " with " + std::to_string(outstanding_) +
                             " requests outstanding");
}

void MemorySystem::skip_quiet(std::uint64_t limit) {
  if (port_changed_) return;  // the core has not seen the request just offered
  const std::uint64_t target =
      std::min({core_->quiet_until(), device_.next_read_cycle(), limit,
                last_progress_ + stall_limit_ + 1});
  if (target <= cycle_) return;
  core_->skip_to(target);
  cycle_ = target;
}

stats::RunStats MemorySystem::finish() {
  device_.finish(cycle_);
  record_violations();
  core_->finish();
  take_prefetch_counters(0);
  stats::RunStats s = stats_;
  s.cycles = cycle_;
  s.bytes = (s.reads + s.writes) * std::uint64_t(burst_bytes_);
  for (int k = 0; k < dram::kCommandCount; ++k)
    s.commands[std::size_t(k)] = device_.count(static_cast<dram::Command>(k));
  s.energy = device_.energy();
  s.unanswered = outstanding_;
  return s;
}

void MemorySystem::take_prefetch_counters(std::uint64_t unanswered) {
  // The controller's own counts (32 bits, wrapping) must agree with those its ports showed,
  // but for a prefetch decided in the last cycle, which the bus would carry in the next, and
  // for reads that met a prefetch still in flight: the controller counts them useful at once,
  // the ports only when the fill answers them, so at a reset up to `unanswered` are unseen.
  const PfBufferCounters pf = core_->prefetch_counters();
  const std::uint64_t issued = stats_.prefetch.issued - pf_issued_seen_;
  const std::uint64_t useful = stats_.prefetch.useful - pf_useful_seen_;
  if (std::uint32_t(pf.issued - std::uint32_t(issued)) > 1 ||
      std::uint32_t(pf.useful - std::uint32_t(useful)) > unanswered)
    throw std::logic_error("the controller counts " + std::to_string(pf.issued) +
                           " prefetches issued and " + std::to_string(pf.useful) +
                           " used; its ports showed " + std::to_string(issued) + " and " +
                           std::to_string(useful));
  stats_.prefetch.late += pf.late;
  stats_.prefetch.evicted_unused += pf.evicted_unused;
  pf_issued_seen_ = stats_.prefetch.issued;
  pf_useful_seen_ = stats_.prefetch.useful;
}

}  // namespace mckit::ctrl
