// The C++ reference controller: the same front end, queues, schedulers, page policies, bank
// timing and refresh as rtl/mc_top.sv, register for register, so that it issues the same
// commands in the same cycles, without evaluating gates. Each cycle computes the outputs
// from the registers, then the registers' next values, in the RTL's terms (names follow the
// RTL's signals). Quiet stretches, in which nothing but time changes, are skipped.
#pragma once

#include <array>
#include <cstdint>

#include "ctrl/controller_config.h"
#include "ctrl/controller_core.h"
#include "ctrl/controller_params.h"
#include "dram/dram_preset.h"

namespace mckit::ctrl {

class ReferenceController : public ControllerCore {
 public:
  // Throws InputError for a preset or policy the controller's build cannot serve.
  ReferenceController(const dram::DramPreset& preset, const ControllerConfig& config);

  void cycle(const CoreInputs& in, CoreOutputs& out) override;
  std::uint64_t now() const override { return now_; }
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

  struct Decoded {  // mc_addr_map's outputs
    std::uint8_t bank = 0;
    std::uint32_t row = 0, col = 0;
  };

  // One request queue (mc_req_queue): fixed slots, bit vectors over the slots, and the
  // slots in age order (the age matrix's order).
  struct Queue {
    std::array<std::uint64_t, kDepth> addr{};
    std::array<std::uint64_t, kDepth> arrival{};
    std::array<std::uint32_t, kDepth> row{}, col{};
    std::array<std::uint8_t, kDepth> id{}, bank{};
    std::uint32_t valid = 0, full = 0, pre = 0, act = 0, hit = 0, open = 0, rank1 = 0;
    std::array<std::uint8_t, kDepth> order{};  // slots, oldest first
    int count = 0;
  };

  // What the served queue offers the scheduler this cycle.
  struct Offer {
    bool col_found = false, row_found = false, row_act = false;
    int col_idx = 0, row_idx = 0, oldest_idx = 0;
    bool oldest_col = false, oldest_act = false, oldest_pre = false, capped = false;
    std::uint64_t bank_has_hit = 0;
  };

  Decoded map_address(std::uint64_t burst) const;
  void bank_status(bool writes);
  Offer examine(const Queue& q, bool writes) const;
  std::uint32_t match(const Queue& q, std::uint64_t addr, int& last) const;
  void queue_events(Queue& q, dram::Command cmd, int bank, std::uint32_t row);
  void update_timing(dram::Command cmd, int bank, std::uint32_t row);
  static void push(Queue& q, const Decoded& d, std::uint64_t addr, std::uint8_t id, bool full,
                   std::uint64_t arrival, bool open, bool hit);
  static void pop(Queue& q, int slot);

  const ControllerParams p_;
  const std::uint64_t present_;   // banks the device has
  const std::uint64_t burst_mask_;

  std::uint64_t now_ = 0;
  bool quiet_ = false;  // the last cycle changed nothing but time

  // Front end.
  bool fe_valid_ = false, fe_write_ = false, fe_full_ = false;
  std::uint64_t fe_addr_ = 0;
  std::uint8_t fe_id_ = 0;
  Decoded fe_;
  bool serve_writes_ = false, serve_reads_ = false;
  bool fwd_ = false;
  std::uint8_t fwd_read_id_ = 0, fwd_id_ = 0;

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
  // This cycle's per-bank status.
  std::uint64_t act_ok_ = 0, pre_ok_ = 0, col_ok_ = 0;

  // Refresh (mc_refresh).
  std::uint32_t since_due_ = 0;
  std::array<std::uint8_t, kRanks> ref_pending_{};
  std::array<bool, kRanks> ref_active_{};

  // Responses (mc_rsp_path).
  std::array<std::uint8_t, kInFlight> flight_{};
  int flight_head_ = 0, flight_count_ = 0;
  struct Response {
    bool forwarded;
    std::uint8_t id;
  };
  std::array<Response, kOutstanding> rsp_{};
  int rsp_head_ = 0, rsp_count_ = 0;
  int outstanding_ = 0;

  // The registered command bus.
  dram::DramCommand dfi_;
  std::uint8_t dfi_id_ = 0;
  RowClass dfi_row_class_ = RowClass::Hit;
};

}  // namespace mckit::ctrl
