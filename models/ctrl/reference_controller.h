// The C++ reference controller: the same front end, queues, schedulers, page policies, bank
// timing and refresh as rtl/mc_top.sv, register for register, so that it issues the same
// commands in the same cycles, without evaluating gates. Each cycle computes the outputs
// from the registers, then the registers' next values, in the RTL's terms (names follow the
// RTL's signals). Quiet stretches, in which nothing but time changes, are skipped.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>

#include "ctrl/controller_config.h"
#include "ctrl/controller_core.h"
#include "ctrl/controller_params.h"
#include "ctrl/mc_addr_map.h"
#include "ctrl/pf_buffer.h"
#include "ctrl/prefetcher.h"
#include "dram/dram_preset.h"

namespace mckit::ctrl {

class ReferenceController : public ControllerCore {
 public:
  // Throws InputError for a preset or policy the controller's build cannot serve.
  ReferenceController(const dram::DramPreset& preset, const ControllerConfig& config);

  void cycle(const CoreInputs& in, CoreOutputs& out) override;
  std::uint64_t now() const override { return now_; }
  void reset() override;
  PfBufferCounters prefetch_counters() const override { return buffer_.counters(); }
  std::uint64_t quiet_until() const override;
  void skip_to(std::uint64_t cycle) override;

 private:
  static constexpr int kDepth = ControllerLimits::kQueueDepth;
  static constexpr int kBanks = 64;          // {rank, bank group, bank}, as mc_pkg indexes them
  static constexpr int kBanksPerRank = 32;
  static constexpr int kGroups = 16;         // {rank, bank group}
  static constexpr int kRanks = 2;
  static constexpr int kInFlight = ControllerLimits::kInFlightReads;
  static constexpr int kOutstanding = kDepth;

  // The fields of a queue entry (mc_pkg::entry_t) the controller uses.
  struct Entry {
    std::uint64_t addr = 0, arrival = 0;
    std::uint32_t row = 0, col = 0;
    std::uint8_t id = 0, bank = 0;
  };

  // One request queue (mc_req_queue). The RTL keeps entries in fixed slots ordered by an age
  // matrix; here the entries are kept in that order, position 0 the oldest, so "the oldest
  // entry of a set" (older_q[i] & set == 0) is the lowest set bit of a mask over positions.
  // No output depends on slot numbers: a match in the write queue is unique (a write waits
  // while its address is queued), and only whether the read queue matches is used.
  struct Queue {
    std::array<Entry, kDepth> entry{};
    std::uint32_t full = 0, pre = 0, act = 0, hit = 0, open = 0, rank1 = 0;  // by position
    // Per bank (bit b): the positions of its entries (bank_q[i] == b), and whether it has
    // any, any that hits its open row (bank_has_hit_o), any that does not.
    std::array<std::uint32_t, kBanks> members{};
    std::uint64_t banks = 0, hit_banks = 0, miss_banks = 0;
    int count = 0;

    std::uint32_t valid() const { return count == kDepth ? ~0u : (1u << count) - 1; }
    std::uint32_t members_of(std::uint64_t bank_set) const;  // the entries of these banks
    void classify(int bank);  // banks, hit_banks and miss_banks for the bank's members now
  };

  // Bank masks per command kind: which banks are asked about, or which allow the command
  // (mc_timing's act_ok_o, pre_ok_o, col_ok_o).
  struct BankStatus {
    std::uint64_t act = 0, pre = 0, col = 0;
  };

  // What the served queue offers the scheduler this cycle (positions, not slots).
  struct Offer {
    bool col_found = false, row_found = false, row_act = false;
    int col_idx = 0, row_idx = 0, oldest_idx = 0;
    bool oldest_col = false, oldest_act = false, oldest_pre = false, capped = false;
    std::uint64_t bank_has_hit = 0;
  };

  std::unique_ptr<Prefetcher> make_predictor() const;  // the configured one, as after reset
  bool reached(std::uint64_t at);
  template <typename From>
  std::uint64_t allowed(std::uint64_t banks, From from);
  // What mc_prefetch does with its head candidate this cycle.
  struct PrefetchStep {
    std::optional<std::uint64_t> addr;  // the head candidate
    DecodedAddress at;
    bool drop = false, act = false, try_rd = false;
  };

  BankStatus bank_status(const BankStatus& asked, bool writes);
  PrefetchStep prefetch_step(dram::Command sched_cmd);
  std::uint64_t precharge_ok(std::uint64_t banks);
  bool capped(const Queue& q, bool cap_en);
  Offer examine(const Queue& q, bool writes, bool oldest_capped);
  static int match(const Queue& q, std::uint64_t addr);
  static bool probe_hit(const Queue& q, int bank, std::uint32_t row, std::uint64_t addr);
  static void queue_events(Queue& q, dram::Command cmd, int bank, std::uint32_t row);
  void update_timing(dram::Command cmd, int bank, std::uint32_t row);
  static void push(Queue& q, const DecodedAddress& d, std::uint64_t addr, std::uint8_t id,
                   bool full, std::uint64_t arrival, bool open, bool hit);
  static void pop(Queue& q, int pos);

  const ControllerParams p_;
  const std::uint64_t burst_mask_;
  const AddressMap map_;

  std::uint64_t now_ = 0;
  bool quiet_ = false;  // the last cycle changed nothing but time
  // The first later cycle at which a comparison with `now` made in the last cycle (through
  // reached()) turns out otherwise: in a quiet stretch nothing else can change a decision.
  std::uint64_t wake_ = 0;

  // Front end.
  bool fe_valid_ = false, fe_write_ = false, fe_full_ = false;
  std::uint64_t fe_addr_ = 0;
  std::uint8_t fe_id_ = 0, fe_stream_ = 0;
  DecodedAddress fe_;
  bool serve_writes_ = false, serve_reads_ = false;
  bool fwd_ = false, pf_hit_ = false, pf_answer_ = false;
  std::uint8_t fwd_read_id_ = 0, fwd_id_ = 0, pf_hit_slot_ = 0;
  std::uint8_t pf_answer_id_ = 0, pf_answer_slot_ = 0;

  Queue rq_, wq_;
  bool draining_ = false;

  // Bank machines (mc_timing).
  std::uint64_t open_ = 0;
  std::array<std::uint32_t, kBanks> open_row_{};
  std::array<std::uint64_t, kBanks> bank_act_{}, bank_pre_{}, bank_rd_{}, bank_wr_{}, bank_used_{};
  std::array<std::uint64_t, kGroups> bg_act_{}, bg_rd_{}, bg_wr_{};
  std::array<std::uint64_t, kRanks> rank_act_{}, rank_rd_{}, rank_wr_{}, rank_ref_{}, rank_pre_done_{};
  std::array<std::array<std::uint64_t, 4>, kRanks> faw_{};
  std::array<int, kRanks> faw_seen_{};

  // Refresh (mc_refresh).
  std::uint32_t since_due_ = 0;
  std::array<std::uint8_t, kRanks> ref_pending_{};
  std::array<bool, kRanks> ref_active_{};

  // Prefetcher (mc_prefetch): the selected predictor (none without one), the buffer's tags,
  // the throttle's credit.
  std::unique_ptr<Prefetcher> predictor_;
  PrefetchBuffer buffer_;
  // Per slot: whether a late read waits for its fill, and which.
  std::array<bool, ControllerLimits::kPrefetchEntries> waiting_{};
  std::array<std::uint8_t, ControllerLimits::kPrefetchEntries> waiter_{};
  std::uint32_t credit_ = 0, credit_cost_ = 0, credit_cap_ = 0;

  // Responses (mc_rsp_path).
  struct InFlightRead {
    bool prefetch;
    std::uint8_t id;  // the request, or the prefetch slot
  };
  std::array<InFlightRead, kInFlight> flight_{};
  int flight_head_ = 0, flight_count_ = 0;
  struct Response {
    bool forwarded, prefetched;
    std::uint8_t id;
  };
  std::array<Response, kOutstanding> rsp_{};
  int rsp_head_ = 0, rsp_count_ = 0;
  int outstanding_ = 0;

  // The registered command bus.
  dram::DramCommand dfi_;
  std::uint8_t dfi_id_ = 0;
  bool dfi_prefetch_ = false;
  RowClass dfi_row_class_ = RowClass::Hit;
};

}  // namespace mckit::ctrl
