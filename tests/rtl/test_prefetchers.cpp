// The memory-side prefetchers (rtl/pf_*.sv), each on its own as mc_prefetch uses it: exact
// candidate lists for hand-built read and kill sequences on the RTL, and the RTL against its
// C++ model (models/ctrl/pf_*.h) cycle for cycle on seeded random traffic with kills.
#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <ostream>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "Vpf_nextline.h"
#include "Vpf_stream.h"
#include "Vpf_stride.h"
#include "ctrl/pf_nextline.h"
#include "ctrl/pf_stream.h"
#include "ctrl/pf_stride.h"
#include "pf_rtl_driver.h"

namespace mckit {
namespace {

using ctrl::PrefetcherConfig;
using test::PfRtlDriver;

constexpr std::uint64_t kAddrLimit = std::uint64_t{1} << ctrl::kAddrBits;

struct Read {
  std::uint64_t cycle;
  std::uint64_t addr;
  std::uint32_t stream;
};

// A candidate taken at the port (pf_valid_o && pf_ready_i) in `cycle`.
struct Taken {
  std::uint64_t cycle;
  std::uint64_t addr;
  bool operator==(const Taken& o) const { return cycle == o.cycle && addr == o.addr; }
};
std::ostream& operator<<(std::ostream& os, const Taken& t) {
  return os << "{cycle " << t.cycle << ", addr " << t.addr << "}";
}

using ReadyFn = std::function<bool(std::uint64_t cycle)>;
bool always_ready(std::uint64_t) { return true; }

// `addrs` read by `stream` one every `gap` cycles from cycle `start`.
std::vector<Read> reads_every(std::uint64_t start, std::uint64_t gap,
                              const std::vector<std::uint64_t>& addrs, std::uint32_t stream) {
  std::vector<Read> r;
  for (std::size_t i = 0; i < addrs.size(); ++i) r.push_back({start + i * gap, addrs[i], stream});
  return r;
}

// A kill (kill_i, kill_addr_i) in `cycle`: a demand read asked for `addr`.
struct Kill {
  std::uint64_t cycle;
  std::uint64_t addr;
};

// Runs `reads` and `kills` (each sorted by cycle, at most one of each per cycle) for `cycles`
// cycles on a prefetcher (a model or a PfRtlDriver) and returns the candidates taken.
template <class P>
std::vector<Taken> run(P& pf, const std::vector<Read>& reads, std::uint64_t cycles,
                       const ReadyFn& ready, const std::vector<Kill>& kills = {}) {
  std::vector<Taken> taken;
  std::size_t next = 0, next_kill = 0;
  for (std::uint64_t c = 0; c < cycles; ++c) {
    if (next < reads.size() && reads[next].cycle == c) {
      pf.observe(reads[next].addr, reads[next].stream);
      ++next;
    }
    if (next_kill < kills.size() && kills[next_kill].cycle == c) {
      pf.kill(kills[next_kill].addr);
      ++next_kill;
    }
    const bool r = ready(c);
    if (const auto cand = pf.candidate(); cand && r) taken.push_back({c, *cand});
    pf.clock(r);
  }
  return taken;
}

// The RTL's candidates; the C++ model must take the same ones.
template <class V, class Model>
std::vector<Taken> run_rtl(const PrefetcherConfig& config, const std::vector<Read>& reads,
                           std::uint64_t cycles, const ReadyFn& ready = always_ready,
                           const std::vector<Kill>& kills = {}) {
  PfRtlDriver<V> rtl(config);
  Model model(config);
  const std::vector<Taken> got = run(rtl, reads, cycles, ready, kills);
  EXPECT_EQ(run(model, reads, cycles, ready, kills), got) << "the C++ model differs from the RTL";
  return got;
}

// Candidates addrs[k] taken one per cycle from `cycle`.
std::vector<Taken> taken_from(std::uint64_t cycle, const std::vector<std::uint64_t>& addrs) {
  std::vector<Taken> t;
  for (std::size_t i = 0; i < addrs.size(); ++i) t.push_back({cycle + i, addrs[i]});
  return t;
}

std::vector<Taken> concat(std::vector<Taken> a, const std::vector<Taken>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// ---- pf_stride ----------------------------------------------------------------------------

std::vector<Taken> run_stride(const PrefetcherConfig& c, const std::vector<Read>& reads,
                              std::uint64_t cycles, const ReadyFn& ready = always_ready,
                              const std::vector<Kill>& kills = {}) {
  return run_rtl<Vpf_stride, ctrl::StridePrefetcher>(c, reads, cycles, ready, kills);
}

PrefetcherConfig stride_config(unsigned distance, unsigned degree, unsigned threshold) {
  PrefetcherConfig c;
  c.distance = distance;
  c.degree = degree;
  c.threshold = threshold;
  return c;
}

// Stream 5 reads 100, 103, 106, ...: the 2nd read learns the stride, the 3rd and 4th raise
// the confidence to 1 and 2; from the 4th (threshold 2) each read predicts the next three.
TEST(PfStride, TrainedStrideIssuesExactlyTheNextAddresses) {
  const auto reads = reads_every(0, 4, {100, 103, 106, 109, 112}, 5);
  const auto got = run_stride(stride_config(1, 3, 2), reads, 30);
  EXPECT_EQ(got, concat(taken_from(13, {112, 115, 118}), taken_from(17, {115, 118, 121})));
}

TEST(PfStride, DistanceIsTheFirstCandidateInStrides) {
  const auto reads = reads_every(0, 4, {100, 103, 106, 109}, 5);
  EXPECT_EQ(run_stride(stride_config(2, 2, 2), reads, 30), taken_from(13, {115, 118}));
}

// The first candidate follows read number threshold + 2 (the first read only allocates).
TEST(PfStride, NothingBeforeTheConfidenceThreshold) {
  std::vector<std::uint64_t> addrs;
  for (std::uint64_t i = 0; i < 8; ++i) addrs.push_back(1000 + 3 * i);
  for (unsigned threshold = 0; threshold <= 3; ++threshold) {
    const auto got = run_stride(stride_config(1, 1, threshold), reads_every(0, 4, addrs, 5), 40);
    ASSERT_FALSE(got.empty()) << "threshold " << threshold;
    const unsigned first_read = threshold + 1;  // 0-based
    EXPECT_EQ(got.front(), (Taken{4 * first_read + 1, addrs[first_read] + 3}))
        << "threshold " << threshold;
    EXPECT_EQ(got.size(), addrs.size() - first_read) << "threshold " << threshold;
  }
}

// Up by 3 to 112, then down by 3: the first -3 retrains the stride, confidence builds again
// over two more reads, and only then do descending candidates come.
TEST(PfStride, ReversalRetrainsBeforeDescending) {
  const auto reads = reads_every(0, 4, {100, 103, 106, 109, 112, 109, 106, 103, 100}, 5);
  const auto got = run_stride(stride_config(1, 2, 2), reads, 50);
  EXPECT_EQ(got, concat(concat(taken_from(13, {112, 115}), taken_from(17, {115, 118})),
                        concat(taken_from(29, {100, 97}), taken_from(33, {97, 94}))));
}

// Streams 5 (+3 from 100) and 9 (-2 from 5000) alternate: each keeps its own entry, so both
// train and both keep prefetching.
TEST(PfStride, InterleavedStreamsKeepTheirOwnEntries) {
  std::vector<Read> reads;
  for (std::uint64_t i = 0; i < 5; ++i) {
    reads.push_back({8 * i, 100 + 3 * i, 5});
    reads.push_back({8 * i + 4, 5000 - 2 * i, 9});
  }
  const auto got = run_stride(stride_config(1, 2, 2), reads, 50);
  EXPECT_EQ(got, concat(concat(taken_from(25, {112, 115}), taken_from(29, {4992, 4990})),
                        concat(taken_from(33, {115, 118}), taken_from(37, {4990, 4988}))));
}

// Nine streams through eight entries: stream 1, the least recently used, loses its entry and
// must train again.
TEST(PfStride, LeastRecentlyUsedStreamIsReplaced) {
  std::vector<Read> reads = reads_every(0, 1, {10, 20, 30}, 1);  // confident at threshold 1
  for (std::uint32_t s = 2; s <= 9; ++s) reads.push_back({reads.back().cycle + 1, 1000 * s, s});
  reads.push_back({reads.back().cycle + 1, 40, 1});
  const auto c = stride_config(1, 1, 1);
  EXPECT_EQ(run_stride(c, reads, 30), taken_from(3, {40}));  // only from the 3rd read of 1
}

// A candidate past the top of the burst address range, or below 0, is dropped.
TEST(PfStride, CandidatesNeverWrapTheAddressRange) {
  const std::uint64_t top = kAddrLimit - 1;
  const auto up = reads_every(0, 8, {top - 9, top - 6, top - 3}, 5);
  EXPECT_EQ(run_stride(stride_config(1, 4, 1), up, 20), taken_from(17, {top}));
  const auto down = reads_every(0, 8, {8, 5, 2}, 5);
  EXPECT_EQ(run_stride(stride_config(0, 4, 1), down, 20), taken_from(17, {2}));
}

// With pf_ready_i low the FIFO (8 deep) fills; further candidates are dropped (the newest),
// and the eight pending ones come out in order once ready rises.
TEST(PfStride, BackpressureKeepsTheOldestEight) {
  std::vector<std::uint64_t> addrs;
  for (std::uint64_t i = 0; i < 6; ++i) addrs.push_back(100 + i);
  const auto reads = reads_every(0, 1, addrs, 5);
  const auto got = run_stride(stride_config(1, 3, 0), reads, 30,
                              [](std::uint64_t c) { return c >= 20; });
  // Reads 1 and 2 predict {102,103,104} and {103,104,105}; read 3 finds room for two of
  // {104,105,106}, reads 4 and 5 for none.
  EXPECT_EQ(got, taken_from(20, {102, 103, 104, 103, 104, 105, 104, 105}));
}

// ---- pf_nextline --------------------------------------------------------------------------

PrefetcherConfig config_of(unsigned distance, unsigned degree) {
  PrefetcherConfig c;
  c.distance = distance;
  c.degree = degree;
  return c;
}

std::vector<Taken> run_nextline(const PrefetcherConfig& c, const std::vector<Read>& reads,
                                std::uint64_t cycles, const ReadyFn& ready = always_ready,
                                const std::vector<Kill>& kills = {}) {
  return run_rtl<Vpf_nextline, ctrl::NextLinePrefetcher>(c, reads, cycles, ready, kills);
}

TEST(PfNextLine, EachReadPredictsTheBurstsAfterIt) {
  const auto reads = reads_every(0, 4, {100, 99, 5000}, 3);
  EXPECT_EQ(run_nextline(config_of(1, 3), reads, 20),
            concat(concat(taken_from(1, {101, 102, 103}), taken_from(5, {100, 101, 102})),
                   taken_from(9, {5001, 5002, 5003})));
}

TEST(PfNextLine, DistanceIsTheOffsetOfTheFirst) {
  EXPECT_EQ(run_nextline(config_of(2, 2), reads_every(0, 4, {100}, 3), 10),
            taken_from(1, {102, 103}));
  EXPECT_EQ(run_nextline(config_of(0, 1), reads_every(0, 4, {100}, 3), 10), taken_from(1, {100}));
}

TEST(PfNextLine, DisabledOrDegreeZeroPredictsNothing) {
  PrefetcherConfig off = config_of(1, 3);
  off.enable = false;
  EXPECT_TRUE(run_nextline(off, reads_every(0, 4, {100, 200}, 3), 20).empty());
  EXPECT_TRUE(run_nextline(config_of(1, 0), reads_every(0, 4, {100, 200}, 3), 20).empty());
}

TEST(PfNextLine, CandidatesNeverWrapTheAddressRange) {
  const std::uint64_t top = kAddrLimit - 1;
  EXPECT_EQ(run_nextline(config_of(1, 3), reads_every(0, 4, {top - 1, top}, 3), 20),
            taken_from(1, {top}));
}

// With pf_ready_i low the 8-deep FIFO keeps the first eight candidates; the newest are dropped.
TEST(PfNextLine, BackpressureKeepsTheOldestEight) {
  const auto got = run_nextline(config_of(1, 4), reads_every(0, 1, {100, 110, 120}, 3), 30,
                                [](std::uint64_t c) { return c >= 10; });
  EXPECT_EQ(got, taken_from(10, {101, 102, 103, 104, 111, 112, 113, 114}));
}

// ---- pf_stream ----------------------------------------------------------------------------

std::vector<Taken> run_stream(const PrefetcherConfig& c, const std::vector<Read>& reads,
                              std::uint64_t cycles, const ReadyFn& ready = always_ready,
                              const std::vector<Kill>& kills = {}) {
  return run_rtl<Vpf_stream, ctrl::StreamPrefetcher>(c, reads, cycles, ready, kills);
}

// Taken candidates, given as {cycle, addr}.
std::vector<Taken> taken_list(std::initializer_list<Taken> t) { return t; }

// Region 1 (bursts 64..127): the 2nd adjacent read starts the run; later reads add only what
// is new past the furthest candidate, one per read.
TEST(PfStream, AscendingRunPredictsEachAddressOnce) {
  const auto reads = reads_every(0, 4, {100, 101, 102, 103}, 0);
  EXPECT_EQ(run_stream(config_of(1, 2), reads, 20),
            taken_list({{5, 102}, {6, 103}, {9, 104}, {13, 105}}));
  EXPECT_EQ(run_stream(config_of(4, 3), reads, 20),
            taken_list({{5, 105}, {6, 106}, {7, 107}, {9, 108}, {13, 109}}));
}

TEST(PfStream, DescendingRun) {
  const auto reads = reads_every(0, 4, {200, 199, 198}, 0);
  EXPECT_EQ(run_stream(config_of(1, 2), reads, 20), taken_list({{5, 198}, {6, 197}, {9, 196}}));
}

// A read that is not adjacent ends the run; a turn starts a new run the other way.
TEST(PfStream, JumpOrTurnStartsAnewRun) {
  const auto jump = reads_every(0, 4, {100, 101, 105, 106}, 0);
  EXPECT_EQ(run_stream(config_of(1, 2), jump, 20),
            taken_list({{5, 102}, {6, 103}, {13, 107}, {14, 108}}));
  const auto turn = reads_every(0, 4, {100, 101, 102, 101}, 0);
  EXPECT_EQ(run_stream(config_of(1, 2), turn, 20),
            taken_list({{5, 102}, {6, 103}, {9, 104}, {13, 100}, {14, 99}}));
}

// 62, 63 are in region 0, 64.. in region 1: the run restarts there after two reads, and
// predicts 66 again (tracking is per region).
TEST(PfStream, NewRegionStartsItsOwnRun) {
  const auto reads = reads_every(0, 4, {62, 63, 64, 65, 66}, 0);
  EXPECT_EQ(run_stream(config_of(1, 3), reads, 30),
            taken_list({{5, 64}, {6, 65}, {7, 66}, {13, 66}, {14, 67}, {15, 68}, {17, 69}}));
}

// Region 0's run is on; eight other regions take the eight entries, so the next read in
// region 0 finds no entry and predicts nothing.
TEST(PfStream, LeastRecentlyUsedRegionIsReplaced) {
  std::vector<Read> reads = reads_every(0, 1, {10, 11}, 0);
  for (std::uint64_t r = 1; r <= 8; ++r) reads.push_back({reads.back().cycle + 1, r << 6, 0});
  reads.push_back({reads.back().cycle + 1, 12, 0});
  EXPECT_EQ(run_stream(config_of(1, 1), reads, 30), taken_from(2, {12}));
}

// With pf_ready_i low the FIFO keeps the first eight candidates; 110..113 are dropped but
// count as predicted, so the read at 110 adds only 114.
TEST(PfStream, BackpressureDropsTheNewest) {
  std::vector<std::uint64_t> addrs;
  for (std::uint64_t a = 100; a < 110; ++a) addrs.push_back(a);
  std::vector<Read> reads = reads_every(0, 1, addrs, 0);
  reads.push_back({30, 110, 0});
  const auto got = run_stream(config_of(1, 4), reads, 40, [](std::uint64_t c) { return c >= 20; });
  EXPECT_EQ(got, concat(taken_from(20, {102, 103, 104, 105, 106, 107, 108, 109}),
                        taken_from(31, {114})));
}

TEST(PfStream, CandidatesNeverWrapTheAddressRange) {
  const std::uint64_t top = kAddrLimit - 1;
  EXPECT_EQ(run_stream(config_of(1, 3), reads_every(0, 4, {top - 2, top - 1}, 0), 20),
            taken_from(5, {top}));
  EXPECT_EQ(run_stream(config_of(1, 3), reads_every(0, 4, {2, 1}, 0), 20), taken_from(5, {0}));
}

// ---- Kills (pf_cand_fifo, behind every block) ------------------------------------------------

ReadyFn ready_from(std::uint64_t first) {
  return [first](std::uint64_t c) { return c >= first; };
}

// The read at 100 queues 101..104 while pf_ready_i is low; kills of 102 and 104 mark them
// dead. Once ready rises each dead head leaves in a cycle of its own, never presented.
TEST(PfKill, KilledWhilePendingNeverReachesTheHead) {
  const auto reads = reads_every(0, 4, {100}, 3);
  EXPECT_EQ(run_nextline(config_of(1, 4), reads, 20, ready_from(10), {{3, 102}, {4, 104}}),
            taken_list({{10, 101}, {12, 103}}));
}

// The same through pf_stream (the read at 101 continues the run: 102..105) and pf_stride
// (the read at 109 predicts 112, 115, 118).
TEST(PfKill, EveryBlockPassesItsKillsToItsFifo) {
  EXPECT_EQ(run_stream(config_of(1, 4), reads_every(0, 4, {100, 101}, 0), 20, ready_from(10),
                       {{6, 103}}),
            taken_list({{10, 102}, {12, 104}, {13, 105}}));
  EXPECT_EQ(run_stride(stride_config(1, 3, 2), reads_every(0, 4, {100, 103, 106, 109}, 5), 30,
                       ready_from(20), {{14, 115}}),
            taken_list({{20, 112}, {22, 118}}));
}

// A dead head is dropped whatever pf_ready_i says: 101, killed in cycle 3, leaves in cycle 4
// with ready low, and 102 is the head in cycle 5.
TEST(PfKill, DeadHeadLeavesWithoutReady) {
  const auto reads = reads_every(0, 4, {100}, 3);
  EXPECT_EQ(run_nextline(config_of(1, 4), reads, 10, [](std::uint64_t c) { return c == 5; },
                         {{3, 101}}),
            taken_list({{5, 102}}));
}

// A kill changes the head from the next cycle: the head of the kill's own cycle is still
// taken.
TEST(PfKill, TheHeadOfTheKillsCycleMayStillBeTaken) {
  EXPECT_EQ(run_nextline(config_of(1, 4), reads_every(0, 4, {100}, 3), 10, always_ready,
                         {{1, 101}}),
            taken_from(1, {101, 102, 103, 104}));
}

// Kills of addresses not pending change nothing: 300 was never predicted, 209 and 200 are
// not among the pending 201..208, and 101 was taken already. Its old slot (slot 0) still
// holds 101, so the kill in cycle 10 matches it; the read at 200 then writes 201 there, live.
TEST(PfKill, KillOfAnAddressNotPendingChangesNothing) {
  const std::vector<Read> reads = {{0, 100, 3}, {12, 200, 3}};
  const std::vector<Kill> kills = {{10, 101}, {11, 300}, {13, 209}, {14, 200}};
  const auto expected = concat(taken_from(1, {101, 102, 103, 104, 105, 106, 107, 108}),
                               taken_from(13, {201, 202, 203, 204, 205, 206, 207, 208}));
  EXPECT_EQ(run_nextline(config_of(1, 8), reads, 30, always_ready), expected);
  EXPECT_EQ(run_nextline(config_of(1, 8), reads, 30, always_ready, kills), expected);
}

// A kill and a push in the same cycle: the kill looks at the slots pending at the start of
// the cycle, so the pushed candidates stay live even when they match (the push wins). With
// distance 0 the read at 100 predicts 100 itself and kills 100 in the same cycle. The read at
// 98 predicts 99..102 while killing the 101 that the read at 100 left pending: that one, the
// head, leaves in cycle 4; the new 101 comes out in its turn.
TEST(PfKill, PushWinsOverAKillInTheSameCycle) {
  EXPECT_EQ(run_nextline(config_of(0, 2), reads_every(0, 4, {100}, 3), 10, always_ready,
                         {{0, 100}}),
            taken_from(1, {100, 101}));
  EXPECT_EQ(run_nextline(config_of(1, 4), reads_every(0, 3, {100, 98}, 3), 30, ready_from(10),
                         {{3, 101}}),
            taken_from(10, {102, 103, 104, 99, 100, 101, 102}));
}

TEST(PfKill, ModelRefusesAWideAddressOrASecondKillInOneCycle) {
  ctrl::NextLinePrefetcher pf(config_of(1, 1));
  EXPECT_THROW(pf.kill(kAddrLimit), std::invalid_argument);
  pf.kill(5);
  EXPECT_THROW(pf.kill(6), std::invalid_argument);
  pf.clock(false);
  EXPECT_NO_THROW(pf.kill(6));
}

// ---- RTL against the C++ model --------------------------------------------------------------

// Several streams, each walking with its own stride (often +-1, sometimes far, now and then
// jumping or turning, some near either end of the address range), one read in most cycles,
// pf_ready_i random, and kills: of the cycle's read (as mc_prefetch kills), of the presented
// head, or of an address near the read.
class RandomTraffic {
 public:
  explicit RandomTraffic(std::uint64_t seed) : rng_(seed) {
    for (std::uint32_t i = 0; i < 6; ++i) streams_.push_back({i * 37 % 256, fresh_addr(), stride()});
  }

  std::optional<Read> read(std::uint64_t cycle) {
    if (!chance(0.7)) return std::nullopt;
    Walk& w = streams_[std::uniform_int_distribution<std::size_t>(0, streams_.size() - 1)(rng_)];
    if (chance(0.02)) w.addr = fresh_addr();
    if (chance(0.03)) w.stride = stride();
    const std::int64_t next = std::int64_t(w.addr) + w.stride;
    w.addr = next < 0 || std::uint64_t(next) >= kAddrLimit ? fresh_addr() : std::uint64_t(next);
    return Read{cycle, w.addr, w.stream};
  }

  bool ready() { return chance(0.6); }

  std::optional<std::uint64_t> kill(const std::optional<Read>& read,
                                    const std::optional<std::uint64_t>& head) {
    if (read && chance(0.5)) return read->addr;
    if (head && chance(0.1)) return *head;
    if (read && chance(0.1)) {
      const std::int64_t near =
          std::int64_t(read->addr) + std::uniform_int_distribution<std::int64_t>(-16, 16)(rng_);
      if (near >= 0 && std::uint64_t(near) < kAddrLimit) return std::uint64_t(near);
    }
    return std::nullopt;
  }

 private:
  struct Walk {
    std::uint32_t stream;
    std::uint64_t addr;
    std::int64_t stride;
  };

  bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }
  std::uint64_t fresh_addr() {
    const std::uint64_t edge = std::uniform_int_distribution<std::uint64_t>(0, 200)(rng_);
    switch (std::uniform_int_distribution<int>(0, 3)(rng_)) {
      case 0: return edge;
      case 1: return kAddrLimit - 1 - edge;
      default: return std::uniform_int_distribution<std::uint64_t>(0, kAddrLimit - 1)(rng_);
    }
  }
  std::int64_t stride() {
    static constexpr std::int64_t kStrides[] = {1, 1, -1, -1, 3, -3, 64, -200, 1 << 20};
    return kStrides[std::uniform_int_distribution<std::size_t>(0, std::size(kStrides) - 1)(rng_)];
  }

  std::mt19937_64 rng_;
  std::vector<Walk> streams_;
};

std::string describe(const std::optional<std::uint64_t>& c) {
  return c ? "candidate " + std::to_string(*c) : std::string("no candidate");
}

// Runs both for `cycles` cycles; fails at the first cycle where what they present differs.
template <class V, class Model>
void crosscheck(const PrefetcherConfig& config, std::uint64_t seed, std::uint64_t cycles) {
  PfRtlDriver<V> rtl(config);
  Model model(config);
  RandomTraffic traffic(seed);
  std::uint64_t taken = 0, dead_heads = 0;
  for (std::uint64_t c = 0; c < cycles; ++c) {
    const auto r = traffic.read(c);
    if (r) {
      rtl.observe(r->addr, r->stream);
      model.observe(r->addr, r->stream);
    }
    const auto a = rtl.candidate();
    const auto b = model.candidate();
    ASSERT_EQ(a, b) << "first difference at cycle " << c << ": RTL has " << describe(a)
                    << ", the C++ model " << describe(b);
    if (const auto k = traffic.kill(r, a)) {
      rtl.kill(*k);
      model.kill(*k);
    }
    const bool ready = traffic.ready();
    taken += a && ready;
    dead_heads += !b && !model.idle();
    rtl.clock(ready);
    model.clock(ready);
  }
  // The comparison means something only if candidates flowed and kills dropped some.
  EXPECT_GT(taken, cycles / 20);
  EXPECT_GT(dead_heads, cycles / 100);
}

constexpr std::uint64_t kCrossCycles = 100000;

TEST(PfCrossCheck, NextLine) {
  crosscheck<Vpf_nextline, ctrl::NextLinePrefetcher>(config_of(1, 4), 11, kCrossCycles);
  crosscheck<Vpf_nextline, ctrl::NextLinePrefetcher>(config_of(0, 1), 12, kCrossCycles);
  crosscheck<Vpf_nextline, ctrl::NextLinePrefetcher>(config_of(15, 15), 13, kCrossCycles);
}

TEST(PfCrossCheck, Stream) {
  crosscheck<Vpf_stream, ctrl::StreamPrefetcher>(config_of(1, 4), 21, kCrossCycles);
  crosscheck<Vpf_stream, ctrl::StreamPrefetcher>(config_of(4, 2), 22, kCrossCycles);
  crosscheck<Vpf_stream, ctrl::StreamPrefetcher>(config_of(15, 15), 23, kCrossCycles);
  crosscheck<Vpf_stream, ctrl::StreamPrefetcher>(config_of(0, 1), 24, kCrossCycles);
}

TEST(PfCrossCheck, Stride) {
  crosscheck<Vpf_stride, ctrl::StridePrefetcher>(stride_config(1, 4, 1), 1, kCrossCycles);
  crosscheck<Vpf_stride, ctrl::StridePrefetcher>(stride_config(0, 2, 0), 2, kCrossCycles);
  crosscheck<Vpf_stride, ctrl::StridePrefetcher>(stride_config(15, 15, 3), 3, kCrossCycles);
}

}  // namespace
}  // namespace mckit
