// The tiled GEMM, llm-prefill and attention generators: traffic worked out by hand, plans
// that match the streams, and parameter checks.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/input_error.h"
#include "workloads/attention.h"
#include "workloads/llm_prefill.h"
#include "workloads/tiled_gemm.h"

namespace mckit::workloads {
namespace {

// What a drained stream moved, in bursts, per stream id.
struct Traffic {
  std::vector<Request> requests;
  std::map<std::uint32_t, std::uint64_t> reads, writes;
  std::uint64_t total_reads = 0, total_writes = 0;
};

Traffic drain(RequestSource& s) {
  Traffic t;
  Request r;
  while (s.next(r)) {
    t.requests.push_back(r);
    ++(r.write ? t.writes : t.reads)[r.stream];
    ++(r.write ? t.total_writes : t.total_reads);
  }
  return t;
}

// The plan must be exactly what the stream does, and every burst aligned, in the
// footprint, and (when partial) masked within the burst.
void expect_plan_matches(PlannedSource& s, const Traffic& t, int burst) {
  const WorkloadPlan plan = s.plan();
  EXPECT_EQ(plan.requests, t.requests.size());
  EXPECT_EQ(plan.read_bytes, t.total_reads * std::uint64_t(burst));
  EXPECT_EQ(plan.write_bytes, t.total_writes * std::uint64_t(burst));
  for (const Request& r : t.requests) {
    ASSERT_EQ(r.addr % std::uint64_t(burst), 0u) << r.addr;
    ASSERT_LT(r.addr, plan.footprint);
    // A partial write names only bytes of its own burst, and at least one.
    if (r.write && r.mask != ~0ull) {
      ASSERT_NE(r.mask, 0u);
      if (burst < 64) {
        ASSERT_EQ(r.mask >> burst, 0u) << r.mask;
      }
    }
  }
}

// One GEMM alone as a request stream, A at 0, B at 1 MiB, C at 2 MiB.
class OneGemm : public TileStream {
 public:
  OneGemm(std::uint64_t m, std::uint64_t n, std::uint64_t k, DType d, const GemmTiles& t)
      : TileStream(64, 1),
        gemm_{Matrix{0, m, k, d}, Matrix{1 << 20, k, n, d}, Matrix{2 << 20, m, n, d}, 0, 1, 2},
        tiles_(t),
        walker_(gemm_, t) {}
  WorkloadPlan plan() const override {
    const GemmTraffic g = gemm_traffic(gemm_, tiles_, 64);
    return {g.read_bursts + g.write_bursts, g.read_bursts * 64, g.write_bursts * 64, 3 << 20};
  }

 protected:
  bool next_access(TileAccess& out) override { return walker_.next(out); }

 private:
  Gemm gemm_;
  GemmTiles tiles_;
  TiledGemmWalker walker_;
};

enum { kA, kB, kC };

Traffic run_gemm(std::uint64_t m, std::uint64_t n, std::uint64_t k, DType d, const GemmTiles& t) {
  OneGemm g(m, n, k, d, t);
  Traffic traffic = drain(g);
  expect_plan_matches(g, traffic, 64);
  return traffic;
}

TEST(TiledGemm, FourByFourTilesOf128Cubed) {
  // fp16 128x128x128, tiles 32x32x32, 64 B bursts: a tile row is 32 x 2 B = 64 B = 1 burst,
  // so a tile is 32 bursts. 4x4 C tiles, each 4 k steps of (A tile + B tile) = 4 x 64 = 256
  // reads, then 32 writes. A: 16 C tiles x 4 x 32 = 2048 bursts (131072 B = A's 32768 B read
  // N/Tn = 4 times); B likewise 2048; C: 16 x 32 = 512 bursts = 32768 B, written once.
  const Traffic t = run_gemm(128, 128, 128, DType::Fp16, {32, 32, 32});
  EXPECT_EQ(t.reads.at(kA), 2048u);
  EXPECT_EQ(t.reads.at(kB), 2048u);
  EXPECT_EQ(t.writes.at(kC), 512u);
  EXPECT_EQ(t.total_reads, 4096u);
  EXPECT_EQ(t.total_writes, 512u);
  EXPECT_EQ(t.requests.size(), 4608u);
  // Output-stationary order: A tile (0,0) rows 0..31 (row stride 256 B), then B tile (0,0),
  // then after 4 k steps (256 reads) the 32 writes of C tile (0,0).
  EXPECT_EQ(t.requests[0].addr, 0u);
  EXPECT_EQ(t.requests[1].addr, 256u);
  EXPECT_EQ(t.requests[32].addr, (1u << 20));
  EXPECT_EQ(t.requests[64].addr, 64u);  // A tile (0,1): columns 32..63 = bytes 64..127
  EXPECT_FALSE(t.requests[255].write);
  EXPECT_TRUE(t.requests[256].write);
  EXPECT_EQ(t.requests[256].addr, 2u << 20);
  EXPECT_EQ(t.requests[288].stream, std::uint32_t(kA));
}

TEST(TiledGemm, ReReadsFollowTheTiling) {
  // fp32 128x128x128, 64 B = 16 elements a burst, so 16- and 32-wide tiles cover whole bursts.
  // Each of A, B, C is 128 x 128 x 4 = 65536 B = 1024 bursts.
  // A is read N/Tn times, B M/Tm times, C written once; Tk does not enter.
  const Traffic base = run_gemm(128, 128, 128, DType::Fp32, {32, 32, 32});
  EXPECT_EQ(base.reads.at(kA), 1024u * 4);  // N/Tn = 128/32
  EXPECT_EQ(base.reads.at(kB), 1024u * 4);  // M/Tm = 128/32
  EXPECT_EQ(base.writes.at(kC), 1024u);

  const Traffic half_tn = run_gemm(128, 128, 128, DType::Fp32, {32, 16, 32});
  EXPECT_EQ(half_tn.reads.at(kA), 1024u * 8);  // N/Tn = 8: A re-read twice as often
  EXPECT_EQ(half_tn.reads.at(kB), 1024u * 4);
  EXPECT_EQ(half_tn.writes.at(kC), 1024u);

  const Traffic half_tm = run_gemm(128, 128, 128, DType::Fp32, {16, 32, 32});
  EXPECT_EQ(half_tm.reads.at(kA), 1024u * 4);
  EXPECT_EQ(half_tm.reads.at(kB), 1024u * 8);  // M/Tm = 8

  const Traffic half_tk = run_gemm(128, 128, 128, DType::Fp32, {32, 32, 16});
  EXPECT_EQ(half_tk.reads.at(kA), 1024u * 4);  // same bytes, in twice as many k steps
  EXPECT_EQ(half_tk.reads.at(kB), 1024u * 4);
  EXPECT_EQ(half_tk.writes.at(kC), 1024u);
}

TEST(TiledGemm, TileRowsNarrowerThanABurstReadWholeBursts) {
  // fp16 with Tk = 16: an A tile row is 16 x 2 = 32 B, but still costs one 64 B burst, so
  // A moves 2048 bursts x 2 = 4096 (twice the 2048 of Tk = 32) while B, whose tile rows
  // stay 32 x 2 = 64 B wide, still moves 2048.
  const Traffic t = run_gemm(128, 128, 128, DType::Fp16, {32, 32, 16});
  EXPECT_EQ(t.reads.at(kA), 4096u);
  EXPECT_EQ(t.reads.at(kB), 2048u);
  EXPECT_EQ(t.writes.at(kC), 512u);
}

TEST(TiledGemm, RowsOffBurstBoundariesAndPartialWrites) {
  // fp16 2x24x24 in one tile: every row is 48 B, so row r is bytes [48r, 48r + 48).
  // A (2 rows): row 0 [0,48) 1 burst, row 1 [48,96) 2 bursts -> 3.
  // B (24 rows): rows at 0, 48, 96, 144 mod 192 touch 1, 2, 2, 1 bursts -> 6 per 4 rows, 36.
  // C (2 rows) is written as 3 bursts, each masked to the row's own bytes.
  const Traffic t = run_gemm(2, 24, 24, DType::Fp16, {2, 24, 24});
  EXPECT_EQ(t.reads.at(kA), 3u);
  EXPECT_EQ(t.reads.at(kB), 36u);
  ASSERT_EQ(t.writes.at(kC), 3u);
  const std::vector<Request> w(t.requests.end() - 3, t.requests.end());
  EXPECT_EQ(w[0].addr, 2u << 20);
  EXPECT_EQ(w[0].mask, 0x0000FFFFFFFFFFFFull);  // bytes 0..47
  EXPECT_EQ(w[1].addr, 2u << 20);
  EXPECT_EQ(w[1].mask, 0xFFFF000000000000ull);  // bytes 48..63
  EXPECT_EQ(w[2].addr, (2u << 20) + 64);
  EXPECT_EQ(w[2].mask, 0x00000000FFFFFFFFull);  // bytes 64..95
}

TEST(TiledGemm, EdgeTilesAreClipped) {
  // fp32 40x16x16 with 32x16x16 tiles: M tiles of 32 and 8 rows, one N and one K tile.
  // A: 40 rows x 1 burst, read once (1 N tile); B: 16 rows x 1 burst, read per M tile (2)
  // = 32; C: 40 rows x 1 burst.
  const Traffic t = run_gemm(40, 16, 16, DType::Fp32, {32, 16, 16});
  EXPECT_EQ(t.reads.at(kA), 40u);
  EXPECT_EQ(t.reads.at(kB), 32u);
  EXPECT_EQ(t.writes.at(kC), 40u);
}

TEST(TiledGemm, TilesMustFitTheBuffer) {
  // 32x32x32 fp16: A, B and C tiles of 32 x 32 x 2 = 2048 B each, 6144 B in all.
  EXPECT_NO_THROW(check_gemm_tiles({32, 32, 32}, DType::Fp16, 6144));
  EXPECT_THROW(check_gemm_tiles({32, 32, 32}, DType::Fp16, 6143), InputError);
  EXPECT_THROW(check_gemm_tiles({32, 0, 32}, DType::Fp16, 1 << 20), InputError);
  // int4: 32 x 32 elements are 512 B a tile.
  EXPECT_NO_THROW(check_gemm_tiles({32, 32, 32}, DType::Int4, 1536));
  EXPECT_THROW(check_gemm_tiles({32, 32, 32}, DType::Int4, 1535), InputError);
}

LlmPrefillParams small_model() {
  LlmPrefillParams p;
  p.hidden = 64;
  p.heads = 2;
  p.kv_heads = 1;
  p.head_dim = 32;
  p.ffn = 128;
  p.layers = 1;
  p.batch = 1;
  p.seq = 32;
  p.dtype = DType::Fp16;
  p.tiles = {32, 32, 32};
  p.buffer_bytes = 6144;
  return p;
}

TEST(LlmPrefill, SmallLayerMovesTheBytesOfItsGemms) {
  // M = 32, q_dim = 2 x 32 = 64, kv_dim = 32, fp16, 32-wide tiles = 64 B = 1 burst a row.
  // Per GEMM, M/Tm = 1: reads = M.K.2.(N/32) + K.N.2, writes = M.N.2 bytes.
  //   q  K=64  N=64 : 8192 + 8192,   4096
  //   k  K=64  N=32 : 4096 + 4096,   2048
  //   v  K=64  N=32 : 4096 + 4096,   2048
  //   o  K=64  N=64 : 8192 + 8192,   4096
  //   g  K=64  N=128: 16384 + 16384, 8192
  //   u  K=64  N=128: 16384 + 16384, 8192
  //   d  K=128 N=64 : 16384 + 16384, 4096
  // reads 147456 B, writes 32768 B, (147456 + 32768) / 64 = 2816 requests.
  LlmPrefillSource s(small_model());
  const Traffic t = drain(s);
  expect_plan_matches(s, t, 64);
  EXPECT_EQ(s.plan().read_bytes, 147456u);
  EXPECT_EQ(s.plan().write_bytes, 32768u);
  EXPECT_EQ(s.plan().requests, 2816u);
  // x is read by the q, k, v GEMMs (8192 + 4096 + 4096 B) and written by the down GEMM.
  EXPECT_EQ(t.reads.at(kPrefillX) * 64, 16384u);
  EXPECT_EQ(t.writes.at(kPrefillX) * 64, 4096u);
  EXPECT_EQ(t.reads.at(kPrefillWq) * 64, 8192u);
  EXPECT_EQ(t.reads.at(kPrefillWd) * 64, 16384u);
  EXPECT_EQ(t.reads.at(kPrefillG) * 64, 16384u);
  EXPECT_EQ(t.writes.at(kPrefillK) * 64, 2048u);
  // Footprint, tensors 4 KiB-aligned: activations x 4096, q 4096, k 2048 (+2048 padding),
  // v 2048 (+2048), attn 4096, h 4096, g 8192, u 8192 = 40960; weights wq 8192, wk 4096,
  // wv 4096, wo 8192, wg 16384, wu 16384, wd 16384 = 73728; 114688 in all.
  EXPECT_EQ(s.plan().footprint, 114688u);
}

TEST(LlmPrefill, EachLayerReadsItsOwnWeights) {
  LlmPrefillParams p = small_model();
  p.layers = 2;
  LlmPrefillSource s(p);
  const Traffic t = drain(s);
  expect_plan_matches(s, t, 64);
  EXPECT_EQ(s.plan().read_bytes, 2 * 147456u);
  EXPECT_EQ(s.plan().write_bytes, 2 * 32768u);
  EXPECT_EQ(s.plan().footprint, 40960u + 2 * 73728u);
  // Two layers' wq, 8192 B each, read once each (M/Tm = 1): 256 distinct bursts.
  std::set<std::uint64_t> wq;
  for (const Request& r : t.requests)
    if (r.stream == kPrefillWq) wq.insert(r.addr);
  EXPECT_EQ(wq.size(), 256u);
}

TEST(LlmPrefill, SameParamsSameStream) {
  LlmPrefillSource a(small_model()), b(small_model());
  const Traffic ta = drain(a), tb = drain(b);
  ASSERT_EQ(ta.requests.size(), tb.requests.size());
  for (std::size_t i = 0; i < ta.requests.size(); ++i) {
    ASSERT_EQ(ta.requests[i].addr, tb.requests[i].addr);
    ASSERT_EQ(ta.requests[i].data, tb.requests[i].data);
  }
}

TEST(LlmPrefill, RejectsBadShapes) {
  LlmPrefillParams p = small_model();
  p.kv_heads = 3;  // does not divide 2 heads
  EXPECT_THROW(LlmPrefillSource{p}, InputError);
  p = small_model();
  p.buffer_bytes = 6143;
  EXPECT_THROW(LlmPrefillSource{p}, InputError);
  p = small_model();
  p.ffn = 0;
  EXPECT_THROW(LlmPrefillSource{p}, InputError);
  p = small_model();
  p.capacity = 100000;  // the footprint is 114688
  EXPECT_THROW(LlmPrefillSource{p}, InputError);
}

AttentionParams small_attention() {
  AttentionParams p;
  p.seq = 128;
  p.heads = 2;
  p.kv_heads = 1;
  p.head_dim = 64;
  p.batch = 1;
  p.block_rows = 32;
  p.block_cols = 32;
  p.dtype = DType::Fp16;
  return p;
}

Traffic run_attention(const AttentionParams& p) {
  AttentionSource s(p);
  Traffic t = drain(s);
  expect_plan_matches(s, t, p.burst_bytes);
  return t;
}

TEST(Attention, FullAndCausalBlockCounts) {
  // head_dim 64 x 2 B = 128 B = 2 bursts a row, so a 32-row block is 64 bursts.
  // 128 / 32 = 4 query and 4 key blocks per head, 2 heads.
  // Full: 4 x 4 = 16 (query, key) pairs a head. Q = 2 x 4 x 64 = 512, K = V = 2 x 16 x 64
  // = 2048, O = 512 writes; reads 4608 bursts = 294912 B.
  const Traffic full = run_attention(small_attention());
  EXPECT_EQ(full.reads.at(kAttnQ), 512u);
  EXPECT_EQ(full.reads.at(kAttnK), 2048u);
  EXPECT_EQ(full.reads.at(kAttnV), 2048u);
  EXPECT_EQ(full.writes.at(kAttnO), 512u);
  EXPECT_EQ(full.total_reads * 64, 294912u);
  // Causal: query block i reads key blocks 0..i, 1 + 2 + 3 + 4 = 10 pairs a head:
  // K = V = 2 x 10 x 64 = 1280; Q and O unchanged; reads 512 + 2560 = 3072.
  AttentionParams p = small_attention();
  p.causal = true;
  const Traffic causal = run_attention(p);
  EXPECT_EQ(causal.reads.at(kAttnQ), 512u);
  EXPECT_EQ(causal.reads.at(kAttnK), 1280u);
  EXPECT_EQ(causal.reads.at(kAttnV), 1280u);
  EXPECT_EQ(causal.writes.at(kAttnO), 512u);
  EXPECT_EQ(causal.total_reads, 3072u);
}

TEST(Attention, LoopOrderQThenKVThenO) {
  // Causal, first query block: only key block 0, so Q, K, V, O blocks of 64 bursts each.
  AttentionParams p = small_attention();
  p.causal = true;
  const Traffic t = run_attention(p);
  const std::uint32_t order[] = {kAttnQ, kAttnK, kAttnV, kAttnO};
  for (int part = 0; part < 4; ++part)
    for (int i = 0; i < 64; ++i)
      ASSERT_EQ(t.requests[std::size_t(part * 64 + i)].stream, order[part]) << part << " " << i;
  // Q rows are 2 heads x 128 B = 256 B apart; K and V rows 128 B.
  EXPECT_EQ(t.requests[2].addr - t.requests[0].addr, 256u);
  EXPECT_EQ(t.requests[66].addr - t.requests[64].addr, 128u);
}

TEST(Attention, CausalWithUnequalBlocks) {
  // Br = 32, Bc = 64: query block i (rows 32i..32i+31) reads key blocks starting at or
  // before its last row: i=0 (row 31): {0}; i=1 (63): {0}; i=2 (95): {0, 64}; i=3: {0, 64}
  // = 6 of the 8 pairs. A key block is 64 rows x 2 bursts = 128: K = 2 heads x 6 x 128 = 1536.
  AttentionParams p = small_attention();
  p.block_cols = 64;
  p.causal = true;
  EXPECT_EQ(run_attention(p).reads.at(kAttnK), 1536u);
  // Not causal: 4 x 2 = 8 pairs, 2 x 8 x 128 = 2048, as with Bc = 32: K is re-read once per
  // query block, whatever Bc.
  p.causal = false;
  EXPECT_EQ(run_attention(p).reads.at(kAttnK), 2048u);
}

TEST(Attention, UnevenSequenceClipsTheLastBlocks) {
  // seq 100, one head, Br = Bc = 32: blocks of 32, 32, 32, 4 rows (64, 64, 64, 8 bursts).
  // Causal key bursts per query block: 64; 128; 192; 200 -> K = V = 584.
  // Q = O = 100 rows x 2 bursts = 200. Reads 200 + 2 x 584 = 1368.
  AttentionParams p = small_attention();
  p.seq = 100;
  p.heads = 1;
  p.causal = true;
  const Traffic t = run_attention(p);
  EXPECT_EQ(t.reads.at(kAttnK), 584u);
  EXPECT_EQ(t.reads.at(kAttnV), 584u);
  EXPECT_EQ(t.writes.at(kAttnO), 200u);
  EXPECT_EQ(t.total_reads, 1368u);
}

TEST(Attention, GroupedQueryHeadsShareKV) {
  // kv_heads 1: both heads read the same K, 128 rows x 2 bursts = 256 distinct bursts.
  // kv_heads 2: each head its own slice of a 128 x 256 B K, 512 distinct; same traffic.
  auto distinct_k = [](const Traffic& t) {
    std::set<std::uint64_t> k;
    for (const Request& r : t.requests)
      if (r.stream == kAttnK) k.insert(r.addr);
    return k.size();
  };
  AttentionParams p = small_attention();
  const Traffic shared = run_attention(p);
  p.kv_heads = 2;
  const Traffic own = run_attention(p);
  EXPECT_EQ(distinct_k(shared), 256u);
  EXPECT_EQ(distinct_k(own), 512u);
  EXPECT_EQ(shared.reads.at(kAttnK), own.reads.at(kAttnK));
}

TEST(Attention, BatchAndFootprint) {
  // q 128 x 128 x 2 = 32768 B, k and v 128 x 64 x 2 = 16384 B, o 32768 B: 98304 B; a batch
  // of 2 doubles every tensor and all traffic.
  AttentionParams p = small_attention();
  EXPECT_EQ(AttentionSource(p).plan().footprint, 98304u);
  p.batch = 2;
  AttentionSource s(p);
  EXPECT_EQ(s.plan().footprint, 2 * 98304u);
  EXPECT_EQ(s.plan().read_bytes, 2 * 294912u);
  EXPECT_EQ(s.plan().write_bytes, 2 * 512u * 64);
}

TEST(Attention, HbmBurstsAndInt4) {
  // 32 B bursts, and int4 rows of 64 x 0.5 = 32 B: plans still match the streams.
  AttentionParams p = small_attention();
  p.burst_bytes = 32;
  p.causal = true;
  run_attention(p);
  p.dtype = DType::Int4;
  p.head_dim = 40;  // 20 B head slices, off burst boundaries
  run_attention(p);
}

TEST(Attention, RejectsBadShapes) {
  AttentionParams p = small_attention();
  p.heads = 6;
  p.kv_heads = 4;  // 4 does not divide 6
  EXPECT_THROW(AttentionSource{p}, InputError);
  p = small_attention();
  p.block_rows = 0;
  EXPECT_THROW(AttentionSource{p}, InputError);
  p = small_attention();
  p.burst_bytes = 48;
  EXPECT_THROW(AttentionSource{p}, InputError);
}

}  // namespace
}  // namespace mckit::workloads
