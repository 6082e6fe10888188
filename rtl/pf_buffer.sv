// pf_buffer: the tag side of the prefetch buffer. The data live beside the controller in a
// buffer indexed by slot; this block keeps each slot's burst address and state and names the
// slot. Fully associative, Entries slots, each in one of four states:
//   Invalid    (valid 0, busy 0): free;
//   InFlight   (valid 1, busy 1): a prefetch was issued for its address, data not yet back;
//   Ready      (valid 1, busy 0): its data are in the slot;
//   Cancelled  (valid 0, busy 1): invalidated in flight; the slot stays reserved until its
//                                 fill arrives, which is then dropped, so stale data can
//                                 never land in a slot that holds another address.
// A live (valid) entry holds a distinct address. Every issued prefetch must be filled once.
//
// Each cycle, all from the state at the start of the cycle:
//   lookup: hit_o when a Ready entry holds lookup_addr_i, late_o when an InFlight one does;
//     hit_slot_o names it on either (0 otherwise). A hit sets the entry's used flag and
//     makes it most recently used; a late lookup with count_late_i (the read will take the
//     fill's data) sets the used flag only. A lookup of the address inval_i writes in the same cycle
//     is neither hit nor late: the read may be younger than the write, so it goes to DRAM.
//   inval: the live entry holding inval_addr_i is invalidated (Ready -> Invalid,
//     InFlight -> Cancelled).
//   fill: slot fill_slot_i leaves busy (InFlight -> Ready, Cancelled -> Invalid); a fill of a
//     slot not busy is ignored. Fill and inval of one entry together: it ends Invalid.
//   alloc: refused (alloc_ok_o low, alloc_slot_o 0, no change) when a live entry already
//     holds alloc_addr_i, when inval_i writes that address this cycle, or when no slot can be
//     taken. Otherwise it takes the lowest-numbered Invalid slot, else the least recently
//     used Ready slot other than this cycle's hit (Cancelled and InFlight slots are never
//     taken), overriding a same-cycle inval of that slot; the slot becomes InFlight, unused
//     and most recently used (after this cycle's hit).
//   has_o: has_i and a live entry holds has_addr_i (InFlight or Ready).
// Counters (32 bits, wrapping): issued = accepted allocs, late = late lookups with
// count_late_i, useful = hits and those, evicted_unused = live entries that left (replaced or invalidated) without a hit.
//
// The recency order is kept here rather than in pf_lru: a cycle may touch two entries (a hit
// and an alloc), and the victim is the oldest Ready entry, not the oldest of all.
module pf_buffer #(
  parameter int unsigned Entries = 32,  // a power of two, at least 2
  localparam int unsigned IdxW = $clog2(Entries),
  localparam int unsigned CntW = 32
) (
  input  logic clk_i,
  input  logic rst_ni,

  input  logic                     alloc_i,
  input  logic [mc_pkg::AddrW-1:0] alloc_addr_i,
  output logic                     alloc_ok_o,
  output logic [IdxW-1:0]          alloc_slot_o,

  input  logic                     fill_i,
  input  logic [IdxW-1:0]          fill_slot_i,

  input  logic                     lookup_i,
  input  logic                     count_late_i,
  input  logic [mc_pkg::AddrW-1:0] lookup_addr_i,
  output logic                     hit_o,
  output logic                     late_o,
  output logic [IdxW-1:0]          hit_slot_o,

  input  logic                     inval_i,
  input  logic [mc_pkg::AddrW-1:0] inval_addr_i,

  input  logic                     has_i,
  input  logic [mc_pkg::AddrW-1:0] has_addr_i,
  output logic                     has_o,

  output logic [CntW-1:0] cnt_issued_o,
  output logic [CntW-1:0] cnt_useful_o,
  output logic [CntW-1:0] cnt_late_o,
  output logic [CntW-1:0] cnt_evicted_unused_o
);
  logic [Entries-1:0]       valid_q, valid_d, busy_q, busy_d, used_q, used_d;
  logic [mc_pkg::AddrW-1:0] addr_q [Entries];
  // Entry i's recency in bits [i*IdxW +: IdxW], 0 most recently used; a permutation. One
  // vector rather than an array: a simulator copies it in a few words.
  logic [Entries*IdxW-1:0]  age_q, age_d;
  logic [CntW-1:0] issued_q, useful_q, late_q, evicted_q;

  logic [Entries-1:0] kill, evictable;
  logic look_found, look_live, has_found, alloc_found, write_alloc_addr;
  logic free_any, old_any, evict;
  logic [IdxW-1:0] look_idx, free_idx, old_idx, alloc_idx;
  logic [IdxW-1:0] look_age, free_age, old_age, alloc_age;
  logic [1:0] unused_left;

  // Each search runs only in a cycle that asks for it (a simulator then skips it; synthesis
  // keeps the same logic).
  always_comb begin
    look_found = 1'b0;
    look_idx = '0;
    look_age = '0;
    has_found = 1'b0;
    kill = '0;
    if (lookup_i || has_i || inval_i) begin
      for (int i = 0; i < Entries; i++) begin
        if (valid_q[i] && addr_q[i] == lookup_addr_i) begin
          look_found = 1'b1;
          look_idx = i[IdxW-1:0];
          look_age = age_q[i*IdxW +: IdxW];
        end
        if (valid_q[i] && addr_q[i] == has_addr_i) has_found = 1'b1;
        kill[i] = inval_i && valid_q[i] && addr_q[i] == inval_addr_i;
      end
    end

    look_live = lookup_i && !(inval_i && inval_addr_i == lookup_addr_i) && look_found;
    hit_o = look_live && !busy_q[look_idx];
    late_o = look_live && busy_q[look_idx];
    hit_slot_o = look_live ? look_idx : '0;
    has_o = has_i && has_found;
  end

  // The lowest Invalid slot, searched only for an allocation.
  logic [Entries-1:0] free_req;
  assign free_req = alloc_i ? ~valid_q & ~busy_q : '0;
  mc_prio_enc #(.Width(Entries)) u_free (
    .req_i(free_req),
    .found_o(free_any),
    .idx_o(free_idx)
  );

  // The allocation, apart: alloc_i may depend on has_o (as in mc_prefetch).
  always_comb begin
    alloc_found = 1'b0;
    // Victim: the lowest Invalid slot, else the oldest Ready slot not hit this cycle.
    free_age = age_q[free_idx*IdxW +: IdxW];
    old_any = 1'b0;
    old_idx = '0;
    old_age = '0;
    evictable = '0;
    if (alloc_i) begin
      for (int i = 0; i < Entries; i++)
        if (valid_q[i] && addr_q[i] == alloc_addr_i) alloc_found = 1'b1;
      for (int i = 0; i < Entries; i++) begin
        evictable[i] = valid_q[i] && !busy_q[i] && !(hit_o && i[IdxW-1:0] == look_idx);
        if (evictable[i] && (!old_any || age_q[i*IdxW +: IdxW] > old_age)) begin
          old_any = 1'b1;
          old_idx = i[IdxW-1:0];
          old_age = age_q[i*IdxW +: IdxW];
        end
      end
    end
    write_alloc_addr = inval_i && inval_addr_i == alloc_addr_i;
    alloc_ok_o = alloc_i && !alloc_found && !write_alloc_addr && (free_any || old_any);
    alloc_idx = free_any ? free_idx : old_idx;
    alloc_age = free_any ? free_age : old_age;
    alloc_slot_o = alloc_ok_o ? alloc_idx : '0;
    evict = alloc_ok_o && !free_any;
  end

  always_comb begin
    unused_left = 2'd0;
    valid_d = valid_q;
    busy_d = busy_q;
    used_d = used_q;
    age_d = age_q;
    if (hit_o || alloc_ok_o || inval_i) begin
      for (int i = 0; i < Entries; i++) begin
        valid_d[i] = valid_q[i] && !kill[i];
        used_d[i] = used_q[i] || (hit_o && i[IdxW-1:0] == look_idx);
        if ((kill[i] || (evict && i[IdxW-1:0] == alloc_idx)) && !used_q[i])
          unused_left = unused_left + 2'd1;
        // Moving the hit entry, then the allocated one, to the front ages those behind each.
        if (alloc_ok_o && i[IdxW-1:0] == alloc_idx) begin
          valid_d[i] = 1'b1;
          busy_d[i] = 1'b1;
          used_d[i] = 1'b0;
          age_d[i*IdxW +: IdxW] = '0;
        end else if (hit_o && i[IdxW-1:0] == look_idx) begin
          age_d[i*IdxW +: IdxW] = {{(IdxW - 1){1'b0}}, alloc_ok_o};
        end else begin
          age_d[i*IdxW +: IdxW] =
              age_q[i*IdxW +: IdxW]
              + {{(IdxW - 1){1'b0}}, hit_o && age_q[i*IdxW +: IdxW] < look_age}
              + {{(IdxW - 1){1'b0}}, alloc_ok_o && age_q[i*IdxW +: IdxW] < alloc_age};
        end
      end
    end
  end

  // A fill ends its slot's wait. Kept apart from the logic above, so that a fill (which comes
  // straight from an input in mc_top) reaches flops only. A busy slot is never allocated, so
  // the fill never meets this cycle's allocation.
  logic [Entries-1:0] filled;
  always_comb begin
    filled = '0;
    filled[fill_slot_i] = fill_i && busy_q[fill_slot_i];
  end

  // A late read served by the fill uses the entry. (Apart from the logic above: count_late_i
  // may depend on late_o. A late entry is in flight, so never the one allocated.)
  logic [Entries-1:0] late_used;
  always_comb begin
    late_used = '0;
    late_used[look_idx] = late_o && count_late_i;
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      valid_q <= '0;
      busy_q <= '0;
      used_q <= '0;
      for (int i = 0; i < Entries; i++) begin
        addr_q[i] <= '0;
        age_q[i*IdxW +: IdxW] <= i[IdxW-1:0];
      end
      issued_q <= '0;
      useful_q <= '0;
      late_q <= '0;
      evicted_q <= '0;
    end else begin
      valid_q <= valid_d;
      busy_q <= busy_d & ~filled;
      used_q <= used_d | late_used;
      if (hit_o || alloc_ok_o) age_q <= age_d;  // the order changes only then
      if (alloc_ok_o) addr_q[alloc_idx] <= alloc_addr_i;
      issued_q <= issued_q + {{(CntW - 1){1'b0}}, alloc_ok_o};
      useful_q <= useful_q + {{(CntW - 1){1'b0}}, hit_o || (late_o && count_late_i)};
      late_q <= late_q + {{(CntW - 1){1'b0}}, late_o && count_late_i};
      evicted_q <= evicted_q + {{(CntW - 2){1'b0}}, unused_left};
    end
  end

  assign cnt_issued_o = issued_q;
  assign cnt_useful_o = useful_q;
  assign cnt_late_o = late_q;
  assign cnt_evicted_unused_o = evicted_q;

  // ---- Assertions (rtl/mc_assert.svh) ---------------------------------------------------
`include "mc_assert.svh"
  `MC_ASSERT_PARAM(EntriesPow2_A, Entries >= 2 && (Entries & (Entries - 1)) == 0)

  // An allocation takes a free slot or a Ready one: never a slot whose fill is awaited
  // (InFlight, Cancelled), nor the entry hit this cycle.
  `MC_ASSERT(AllocNotBusy_A, !alloc_ok_o || !busy_q[alloc_idx])
  `MC_ASSERT(AllocNotHit_A, !(alloc_ok_o && hit_o && alloc_idx == look_idx))
endmodule
