// The AI generators (llm-decode, moe, embedding) and the model-shape loader: exact request
// counts worked out by hand, plan() against what next() produces, seeding, Zipf skew,
// address bounds, and loader errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "common/input_error.h"
#include "workloads/embedding.h"
#include "workloads/llm_decode.h"
#include "workloads/model_shape.h"
#include "workloads/moe.h"

namespace mckit::workloads {
namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t kCapacity = 1ull << 30;

std::vector<Request> drain(RequestSource& s) {
  std::vector<Request> out;
  Request r;
  while (s.next(r)) out.push_back(r);
  return out;
}

// What a stream actually moved, to compare with plan().
WorkloadPlan measured(const std::vector<Request>& reqs, int burst) {
  WorkloadPlan m;
  for (const Request& r : reqs) {
    ++m.requests;
    (r.write ? m.write_bytes : m.read_bytes) += std::uint64_t(burst);
  }
  return m;
}

std::map<std::uint32_t, std::uint64_t> per_stream(const std::vector<Request>& reqs, bool write) {
  std::map<std::uint32_t, std::uint64_t> n;
  for (const Request& r : reqs)
    if (r.write == write) ++n[r.stream];
  return n;
}

void expect_plan_matches(const PlannedSource& s, const std::vector<Request>& reqs, int burst) {
  const WorkloadPlan p = s.plan();
  const WorkloadPlan m = measured(reqs, burst);
  EXPECT_EQ(p.requests, m.requests);
  EXPECT_EQ(p.read_bytes, m.read_bytes);
  EXPECT_EQ(p.write_bytes, m.write_bytes);
  for (const Request& r : reqs) {
    ASSERT_EQ(r.addr % std::uint64_t(burst), 0u) << r.addr;
    ASSERT_LT(r.addr, p.footprint) << r.addr;
    ASSERT_LE(r.addr + std::uint64_t(burst), kCapacity) << r.addr;
  }
}

// Multi-head attention: 4 heads of 16 = hidden 64, FFN 128, 2 layers.
ModelShape tiny_decoder() {
  ModelShape m;
  m.name = "tiny decoder";
  m.kind = ModelKind::Decoder;
  m.layers = 2;
  m.hidden = 64;
  m.heads = 4;
  m.kv_heads = 4;
  m.head_dim = 16;
  m.ffn = 128;
  m.vocab = 100;
  return m;
}

LlmDecodeParams decode_params(const ModelShape& m) {
  LlmDecodeParams p;
  p.model = m;
  p.batch = 2;
  p.context = 3;
  p.tokens = 2;
  p.capacity = kCapacity;
  return p;
}

TEST(LlmDecode, MultiHeadCountsByHand) {
  LlmDecodeSource s(decode_params(tiny_decoder()));
  const std::vector<Request> reqs = drain(s);
  // Weights per layer, bf16, 64 B bursts:
  //   q, k, v, o: 64 x 64 x 2 B = 8192 B = 128 bursts each -> 512
  //   gate, up, down: 64 x 128 x 2 B = 16384 B = 256 bursts each -> 768; W = 1280 bursts.
  // KV row: 4 kv heads x 16 x 2 B = 128 B = 2 bursts.
  // Token 0 (context 3), per layer: 1280 + 2 seqs x (K + V) x 3 rows x 2 = 1280 + 24 = 1304
  // Token 1 (context 4), per layer: 1280 + 2 x 2 x 4 x 2 = 1312
  // Reads: 2 layers x (1304 + 1312) = 5232. Writes: 2 layers x 2 tokens x 2 seqs x 2 x 2 = 32.
  EXPECT_EQ(s.plan().requests, 5264u);
  EXPECT_EQ(s.plan().read_bytes, 5232u * 64);
  EXPECT_EQ(s.plan().write_bytes, 32u * 64);
  // Layer 0: q 0, k 8192, v 16384, o 24576, gate 32768, up 49152, down 65536 (ends 81920);
  // four caches of (3 + 2) rows x 128 B = 640 B at 81920, 86016, 90112, 94208 (end 94848).
  // Layer 1 starts at the next 4 KiB, 98304, and ends at 98304 + 94848 = 193152.
  EXPECT_EQ(s.plan().footprint, 193152u);
  expect_plan_matches(s, reqs, 64);

  // Weights: 2 tokens x 2 layers = 4 passes over each matrix.
  const auto reads = per_stream(reqs, false);
  EXPECT_EQ(reads.at(0), 4u * 128);   // q
  EXPECT_EQ(reads.at(4), 4u * 256);   // gate
  // K cache of sequence 0 (stream 16): per layer (3 + 4) rows x 2 bursts, 2 layers.
  EXPECT_EQ(reads.at(16), 2u * 7 * 2);
  EXPECT_EQ(reads.at(19), 2u * 7 * 2);  // V cache of sequence 1
  const auto writes = per_stream(reqs, true);
  EXPECT_EQ(writes.at(16), 2u * 2 * 2);  // 2 layers x 2 tokens x one 2-burst row
}

TEST(LlmDecode, OrderWithinALayerAndTheCacheGrows) {
  LlmDecodeSource s(decode_params(tiny_decoder()));
  const std::vector<Request> reqs = drain(s);
  std::size_t i = 0;
  // Weights first, matrix by matrix: q, k, v, o (128 bursts), gate, up, down (256).
  const std::uint64_t sizes[7] = {128, 128, 128, 128, 256, 256, 256};
  for (std::uint32_t w = 0; w < 7; ++w)
    for (std::uint64_t b = 0; b < sizes[w]; ++b, ++i) {
      ASSERT_EQ(reqs[i].stream, w);
      ASSERT_FALSE(reqs[i].write);
    }
  // Then per sequence: K read (3 rows x 2), V read, K append (2), V append.
  for (std::uint32_t seq = 0; seq < 2; ++seq) {
    const std::uint32_t k = 16 + 2 * seq, v = 17 + 2 * seq;
    const std::uint64_t k_base = reqs[i].addr;
    for (int b = 0; b < 6; ++b, ++i) EXPECT_TRUE(reqs[i].stream == k && !reqs[i].write);
    for (int b = 0; b < 6; ++b, ++i) EXPECT_TRUE(reqs[i].stream == v && !reqs[i].write);
    // The new row lands right after the 3 cached rows of 128 B.
    EXPECT_EQ(reqs[i].addr, k_base + 3 * 128);
    for (int b = 0; b < 2; ++b, ++i) EXPECT_TRUE(reqs[i].stream == k && reqs[i].write);
    for (int b = 0; b < 2; ++b, ++i) EXPECT_TRUE(reqs[i].stream == v && reqs[i].write);
  }
  // Token 1 re-reads the K cache of sequence 0 in layer 0, now 4 rows including token 0's.
  // Token 0 took 2 layers x (1304 reads + 8 writes) = 2624 requests; token 1's layer 0 then
  // streams 1280 weight bursts, so its K read is requests 3904..3911.
  const std::uint64_t k_base = reqs[1280].addr;
  for (std::size_t j = 0; j < 8; ++j) {
    EXPECT_EQ(reqs[3904 + j].stream, 16u);
    EXPECT_EQ(reqs[3904 + j].addr, k_base + 64 * j);
  }
  EXPECT_EQ(reqs[3912].stream, 17u);
}

TEST(LlmDecode, GroupedQueryAttentionAndPartialRows) {
  ModelShape m = tiny_decoder();
  m.kv_heads = 1;  // 4 query heads share one K/V head
  LlmDecodeParams p = decode_params(m);
  p.layers = 1;    // simulate the first of 2 layers
  LlmDecodeSource s(p);
  const std::vector<Request> reqs = drain(s);
  // Weights: q, o 128 bursts each; k, v: 64 x 16 x 2 B = 2048 B = 32 bursts each;
  // FFN 768 as before: W = 128 + 32 + 32 + 128 + 768 = 1088.
  // KV row: 1 head x 16 x 2 B = 32 B, padded to one 64 B burst.
  // Token 0: 1088 + 2 seqs x 2 x 3 rows = 1100; token 1: 1088 + 2 x 2 x 4 = 1104.
  // Writes: 2 tokens x 2 seqs x 2 (K, V) x 1 burst = 8.
  EXPECT_EQ(s.plan().requests, 1100u + 1104 + 8);
  EXPECT_EQ(s.plan().write_bytes, 8u * 64);
  expect_plan_matches(s, reqs, 64);
  std::uint64_t partial = 0;  // only the row's 32 bytes are written
  for (const Request& r : reqs) partial += r.write && r.mask == 0xFFFFFFFFull;
  EXPECT_EQ(partial, 8u);
}

TEST(LlmDecode, ResidentWeightsLeaveOnlyKvTraffic) {
  LlmDecodeParams p = decode_params(tiny_decoder());
  p.weights_resident = true;
  LlmDecodeSource s(p);
  const std::vector<Request> reqs = drain(s);
  // Per layer: token 0 reads 24 bursts, token 1 reads 32 (see above); 2 layers -> 112 reads
  // and 32 writes.
  EXPECT_EQ(s.plan().requests, 144u);
  EXPECT_EQ(s.plan().read_bytes, 112u * 64);
  // Only caches: layer 0 at 0, 4096, 8192, 12288 (end 12928); layer 1 at 16384 (end 29312).
  EXPECT_EQ(s.plan().footprint, 29312u);
  expect_plan_matches(s, reqs, 64);
  for (const Request& r : reqs) EXPECT_GE(r.stream, 16u);
}

TEST(LlmDecode, OneLayerOfLlama2_7B) {
  LlmDecodeParams p;
  p.model = load_model_shape("llama2-7b");
  p.context = 16;
  p.layers = 1;
  p.capacity = 8ull << 30;
  LlmDecodeSource s(p);
  // Weights: 4 x 4096^2 + 3 x 4096 x 11008 = 202,375,168 parameters x 2 B = 404,750,336 B.
  // KV: row 32 x 128 x 2 B = 8192 B; 16 rows of K and of V read = 262,144 B; 2 rows written.
  EXPECT_EQ(s.plan().read_bytes, 404750336u + 262144u);
  EXPECT_EQ(s.plan().write_bytes, 2u * 8192);
}

TEST(LlmDecode, SameSeedSameWriteData) {
  LlmDecodeParams p = decode_params(tiny_decoder());
  p.weights_resident = true;
  LlmDecodeSource a(p), b(p);
  p.seed = 2;
  LlmDecodeSource c(p);
  const auto ra = drain(a), rb = drain(b), rc = drain(c);
  bool differs = false;
  for (std::size_t i = 0; i < ra.size(); ++i) {
    EXPECT_EQ(ra[i].addr, rc[i].addr);  // the pattern of addresses does not depend on the seed
    EXPECT_EQ(ra[i].data, rb[i].data);
    differs |= ra[i].write && ra[i].data != rc[i].data;
  }
  EXPECT_TRUE(differs);
}

TEST(LlmDecode, RejectsBadParameters) {
  LlmDecodeParams p = decode_params(tiny_decoder());
  p.batch = 0;
  EXPECT_THROW(LlmDecodeSource{p}, InputError);
  p = decode_params(tiny_decoder());
  p.layers = 3;
  EXPECT_THROW(LlmDecodeSource{p}, InputError);
  p = decode_params(tiny_decoder());
  p.capacity = 100000;  // the 193152-byte footprint does not fit
  EXPECT_THROW(LlmDecodeSource{p}, InputError);
  p = decode_params(tiny_decoder());
  p.model.kind = ModelKind::Embedding;
  EXPECT_THROW(LlmDecodeSource{p}, InputError);
}

// 3 tables of 1000 rows of 24 fp32 (96 B, padded to 128 B = 2 bursts), 5 lookups each.
ModelShape tiny_tables() {
  ModelShape m;
  m.name = "tiny tables";
  m.kind = ModelKind::Embedding;
  m.tables = 3;
  m.rows = 1000;
  m.dim = 24;
  m.lookups = 5;
  return m;
}

EmbeddingParams embedding_params(const ModelShape& m) {
  EmbeddingParams p;
  p.model = m;
  p.samples = 4;
  p.capacity = kCapacity;
  return p;
}

TEST(Embedding, CountsByHand) {
  EmbeddingSource s(embedding_params(tiny_tables()));
  const std::vector<Request> reqs = drain(s);
  // Reads: 4 samples x 3 tables x 5 lookups x 2 bursts = 120.
  // Writes: 4 samples x 3 pooled vectors x 2 bursts = 24.
  EXPECT_EQ(s.plan().requests, 144u);
  EXPECT_EQ(s.plan().read_bytes, 120u * 64);
  EXPECT_EQ(s.plan().write_bytes, 24u * 64);
  // Tables of 1000 x 128 B = 128000 B at 0, 131072, 262144; the output (4 x 3 x 128 =
  // 1536 B) at 393216, ending at 394752.
  EXPECT_EQ(s.plan().footprint, 394752u);
  expect_plan_matches(s, reqs, 64);

  // Sample 0: table 0's 10 bursts, table 1's, table 2's, then 6 bursts of pooled output.
  for (std::size_t i = 0; i < 30; ++i) EXPECT_EQ(reqs[i].stream, i / 10);
  for (std::size_t i = 30; i < 36; ++i) {
    EXPECT_EQ(reqs[i].stream, 3u);
    EXPECT_TRUE(reqs[i].write);
    EXPECT_EQ(reqs[i].addr, 393216 + (i - 30) * 64);
    // The second burst of each 96-byte vector carries its last 32 bytes only.
    EXPECT_EQ(reqs[i].mask, (i - 30) % 2 ? 0xFFFFFFFFull : ~0ull);
  }
  // A row's two bursts are adjacent and start on a 128-byte row boundary of its table.
  for (std::size_t i = 0; i < 30; i += 2) {
    EXPECT_EQ(reqs[i].addr % 128, 0u);
    EXPECT_EQ(reqs[i + 1].addr, reqs[i].addr + 64);
  }
}

TEST(Embedding, SeedDecidesTheRows) {
  const EmbeddingParams p = embedding_params(tiny_tables());
  EmbeddingSource a(p), b(p);
  EmbeddingParams q = p;
  q.seed = 99;
  EmbeddingSource c(q);
  const auto ra = drain(a), rb = drain(b), rc = drain(c);
  ASSERT_EQ(ra.size(), rc.size());
  std::size_t same = 0;
  for (std::size_t i = 0; i < ra.size(); ++i) {
    EXPECT_EQ(ra[i].addr, rb[i].addr);
    same += ra[i].addr == rc[i].addr;
  }
  EXPECT_LT(same, ra.size() / 2);
}

// Counts each popularity rank's lookups in one table of 1000 rows, 200000 lookups.
std::vector<double> rank_counts(double alpha) {
  ModelShape m = tiny_tables();
  m.tables = 1;
  m.dim = 16;  // 64 B rows: one burst per lookup
  m.lookups = 100;
  EmbeddingParams p = embedding_params(m);
  p.samples = 2000;
  p.alpha = alpha;
  EmbeddingSource s(p);
  std::map<std::uint64_t, double> by_row;
  Request r;
  while (s.next(r))
    if (!r.write) by_row[r.addr / s.row_stride()] += 1;
  std::vector<double> counts(m.rows);
  for (std::uint64_t rank = 0; rank < m.rows; ++rank)
    counts[rank] = by_row[s.row_of_rank(0, rank)];
  return counts;
}

TEST(Embedding, ZipfSkewMatchesAlpha) {
  for (const double alpha : {0.6, 1.0, 1.4}) {
    const std::vector<double> c = rank_counts(alpha);
    // Rank 1 against rank 2: 2^alpha.
    EXPECT_NEAR(c[0] / c[1], std::pow(2.0, alpha), 0.1 * std::pow(2.0, alpha)) << alpha;
    // Least-squares slope of log(count) over log(rank), ranks 1..30: -alpha.
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    const int n = 30;
    for (int k = 0; k < n; ++k) {
      const double x = std::log(k + 1.0), y = std::log(c[std::size_t(k)]);
      sx += x; sy += y; sxx += x * x; sxy += x * y;
    }
    const double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    EXPECT_NEAR(slope, -alpha, 0.08) << alpha;
  }
}

TEST(Embedding, HotRowsAreSpreadOverTheTable) {
  EmbeddingSource s(embedding_params(tiny_tables()));
  // Ranks map to distinct rows (a bijection), and the 10 hottest are not side by side.
  std::vector<std::uint64_t> rows;
  for (std::uint64_t rank = 0; rank < 1000; ++rank) rows.push_back(s.row_of_rank(0, rank));
  std::vector<std::uint64_t> sorted = rows;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::vector<std::uint64_t> hot(rows.begin(), rows.begin() + 10);
  std::sort(hot.begin(), hot.end());
  EXPECT_GT(hot.back() - hot.front(), 100u);
  EXPECT_NE(s.row_of_rank(0, 0), s.row_of_rank(1, 0));  // each table has its own hot row
}

// 4 experts, top-2; attention 4 heads of 16, 2 KV heads; expert FFN 32; 3 layers.
ModelShape tiny_moe() {
  ModelShape m = tiny_decoder();
  m.name = "tiny moe";
  m.kind = ModelKind::Moe;
  m.layers = 3;
  m.kv_heads = 2;
  m.ffn = 32;
  m.experts = 4;
  m.top_k = 2;
  return m;
}

MoeParams moe_params(const ModelShape& m) {
  MoeParams p;
  p.model = m;
  p.capacity = kCapacity;
  return p;
}

TEST(Moe, OneTokenFetchesExactlyTopKExperts) {
  MoeParams p = moe_params(tiny_moe());
  p.batch = 1;
  p.steps = 3;
  p.layers = 2;
  MoeSource s(p);
  const std::vector<Request> reqs = drain(s);
  // Attention: q, o 64 x 64 x 2 B = 128 bursts each; k, v 64 x 32 x 2 B = 64 each: 384.
  // An expert: gate, up, down 64 x 32 x 2 B = 4096 B = 64 bursts each: 192.
  // One token picks 2 distinct experts: per (step, layer) 384 + 2 x 192 = 768;
  // 3 steps x 2 layers x 768 = 4608 reads.
  EXPECT_EQ(s.plan().requests, 4608u);
  EXPECT_EQ(s.plan().read_bytes, 4608u * 64);
  EXPECT_EQ(s.plan().write_bytes, 0u);
  // Per layer: q 0, k 8192, v 12288, o 16384 (ends 24576), 12 expert matrices of 4096 B
  // (ends 73728); two layers: 147456.
  EXPECT_EQ(s.plan().footprint, 147456u);
  expect_plan_matches(s, reqs, 64);
}

TEST(Moe, AllExpertsWhenTopKIsEveryExpert) {
  ModelShape m = tiny_moe();
  m.top_k = 4;
  MoeParams p = moe_params(m);
  p.batch = 3;
  p.steps = 2;
  p.layers = 1;
  MoeSource s(p);
  // Per step: 384 + 4 experts x 192 = 1152, fetched once however many tokens pick them;
  // 2 steps = 2304.
  EXPECT_EQ(s.plan().requests, 2304u);
  expect_plan_matches(s, drain(s), 64);
}

TEST(Moe, SharedExpertsAreFetchedOncePerStep) {
  MoeParams p = moe_params(tiny_moe());
  p.batch = 8;
  p.steps = 10;
  p.alpha = 1.2;
  MoeSource s(p);
  const std::vector<Request> reqs = drain(s);
  expect_plan_matches(s, reqs, 64);
  // Each fetch of an expert is 192 bursts, and no step-layer fetches more than 4 experts,
  // although 8 tokens x top-2 = 16 picks were made.
  std::uint64_t fetches = 0;
  for (const auto& [stream, n] : per_stream(reqs, false))
    if (stream >= 16) {
      EXPECT_EQ(n % 192, 0u) << stream;
      fetches += n / 192;
    }
  EXPECT_LE(fetches, 10u * 3 * 4);
  EXPECT_GE(fetches, 10u * 3 * 2);
}

TEST(Moe, SeedDecidesTheRouting) {
  MoeParams p = moe_params(tiny_moe());
  p.steps = 20;
  p.alpha = 0.5;
  MoeSource a(p), b(p);
  p.seed = 5;
  MoeSource c(p);
  const auto ra = drain(a), rb = drain(b), rc = drain(c);
  ASSERT_EQ(ra.size(), rb.size());
  for (std::size_t i = 0; i < ra.size(); ++i) ASSERT_EQ(ra[i].addr, rb[i].addr);
  std::vector<std::uint32_t> sa, sc;
  for (const Request& r : ra) sa.push_back(r.stream);
  for (const Request& r : rc) sc.push_back(r.stream);
  EXPECT_NE(sa, sc);
}

TEST(Moe, SkewFavoursFewExperts) {
  // With a steep skew the two top-ranked experts of each layer take nearly every pick.
  MoeParams p = moe_params(tiny_moe());
  p.steps = 50;
  p.layers = 1;
  p.alpha = 4;
  MoeSource s(p);
  const auto reads = per_stream(drain(s), false);
  std::vector<std::uint64_t> fetches;
  for (const auto& [stream, n] : reads)
    if (stream >= 16) fetches.push_back(n / 192);
  std::sort(fetches.rbegin(), fetches.rend());
  // Weights by rank 1, 1/16, 1/81, 1/256 (sum 1.080). The first pick is rank 1 with
  // p = 0.926; given that, the second is rank 2 with p = 0.0625 / 0.0801 = 0.78. So the
  // rank-1 expert is in nearly every step (it is missed only when neither pick lands on it,
  // p < 0.002), and ranks 3 and 4 together take about 0.2 x 50 = 10 of the 100 picks.
  EXPECT_GE(fetches[0], 49u);
  EXPECT_LE(fetches[2] + fetches[3], 20u);
}

// Model-shape files.
class ShapeFile : public ::testing::Test {
 protected:
  std::string write(const std::string& text) {
    const fs::path path = fs::path(::testing::TempDir()) /
                          (std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".json");
    std::ofstream(path) << text;
    return path.string();
  }
  // The error of loading `text`, which must name the file and `key`.
  std::string error_of(const std::string& text, const std::string& key) {
    const std::string path = write(text);
    try {
      load_model_shape(path);
    } catch (const InputError& e) {
      const std::string msg = e.what();
      EXPECT_NE(msg.find(path), std::string::npos) << msg;
      EXPECT_NE(msg.find(key + ":"), std::string::npos) << msg;
      return msg;
    }
    ADD_FAILURE() << "no error for " << key;
    return "";
  }
};

const char* kGood = R"({"name": "t", "source": "hand-made", "kind": "decoder", "layers": 2,
  "hidden": 64, "heads": 4, "kv_heads": 2, "ffn": 128, "vocab": 100})";

std::string with(const std::string& from, const std::string& to) {
  std::string s = kGood;
  s.replace(s.find(from), from.size(), to);
  return s;
}

TEST_F(ShapeFile, ReadsAGoodFile) {
  const ModelShape m = load_model_shape(write(kGood));
  EXPECT_EQ(m.head_dim, 16u);
  EXPECT_EQ(m.kv_dim(), 32u);
}

TEST_F(ShapeFile, ErrorsNameFileAndKey) {
  EXPECT_NE(error_of(with(R"("layers": 2,)", ""), "layers").find("missing"), std::string::npos);
  EXPECT_NE(error_of(with("64", "-64"), "hidden").find("must be an integer from 1 to 4294967295 (got -64)"), std::string::npos);
  EXPECT_NE(error_of(with(R"("heads": 4)", R"("heads": 5)"), "heads").find("divide hidden"),
            std::string::npos);
  EXPECT_NE(error_of(with(R"("kv_heads": 2)", R"("kv_heads": 3)"), "kv_heads").find("divide heads"),
            std::string::npos);
  error_of(with(R"("ffn")", R"("head_dim": 32, "ffn")"), "head_dim");
  error_of(with(R"("ffn")", R"("fnn": 1, "ffn")"), "fnn");
  error_of(with(R"("decoder")", R"("encoder")"), "kind");
  error_of(with(R"("hand-made")", "3"), "source");
  error_of(R"({"name": "m", "source": "s", "kind": "moe", "layers": 1, "hidden": 64,
    "heads": 4, "kv_heads": 4, "ffn": 8, "vocab": 9, "experts": 2, "top_k": 3})", "top_k");
  error_of(R"({"name": "e", "source": "s", "kind": "embedding", "tables": 2, "rows": 0,
    "dim": 4, "lookups": 1})", "rows");
}

TEST_F(ShapeFile, CountsAreWholeNumbersOfAtMost32Bits) {
  // JSON has one number type: 64.0 and 6.4e1 are the count 64.
  EXPECT_EQ(load_model_shape(write(with("\"hidden\": 64", "\"hidden\": 6.4e1"))).hidden, 64u);
  const std::string rule = "hidden: must be an integer from 1 to 4294967295 (got ";
  for (const auto& [text, shown] :
       {std::pair{"64.5", "64.5"}, {"1e20", "1e+20"}, {"4294967296", "4294967296"},
        {"99999999999999999999", "1e+20"}, {"\"64\"", "'64'"}, {"null", "null"}}) {
    SCOPED_TRACE(text);
    EXPECT_NE(error_of(with("\"hidden\": 64", std::string("\"hidden\": ") + text), "hidden")
                  .find(rule + shown + ")"),
              std::string::npos);
  }
}

TEST_F(ShapeFile, ANumberBeyondADoubleIsRefusedWithItsLine) {
  const std::string path = write(with("\"hidden\": 64", "\n\"hidden\": 1e400"));
  try {
    load_model_shape(path);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), path + ":3: number '1e400' is out of range");
  }
}

TEST_F(ShapeFile, SyntaxErrorNamesTheLine) {
  const std::string path = write("{\n\"name\": \"t\",\n\"layers\": ,\n}");
  try {
    load_model_shape(path);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(path + ":3:"), std::string::npos) << e.what();
  }
}

TEST(ShippedShapes, LoadByNameWithTheirSources) {
  const std::vector<std::string> names = shipped_model_names();
  for (const char* n : {"llama2-7b", "llama2-70b", "mixtral-8x7b", "olmoe-1b-7b", "dlrm-benchmark"})
    EXPECT_NE(std::find(names.begin(), names.end(), n), names.end()) << n;
  for (const std::string& n : names) EXPECT_FALSE(load_model_shape(n).source.empty()) << n;

  const ModelShape llama70 = load_model_shape("LLaMA2-70B");  // names are case-insensitive
  EXPECT_EQ(llama70.kv_heads, 8u);
  EXPECT_EQ(llama70.kv_dim(), 1024u);
  const ModelShape mixtral = load_model_shape("mixtral-8x7b");
  EXPECT_EQ(mixtral.kind, ModelKind::Moe);
  EXPECT_EQ(mixtral.experts, 8u);
  EXPECT_EQ(mixtral.top_k, 2u);
  EXPECT_EQ(load_model_shape("dlrm-benchmark").rows, 1000000u);
  try {
    load_model_shape("gpt-9");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("llama2-7b"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace mckit::workloads
