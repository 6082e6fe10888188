// BandwidthSeries: window contents from hand-computed inputs, the merge at the 513th window,
// the partial last window, and the bound of 512 windows for any run length.
#include <gtest/gtest.h>

#include <cstdint>
#include <iterator>
#include <ostream>
#include <stdexcept>
#include <vector>

#include "stats/bandwidth_series.h"

namespace mckit::stats {

bool operator==(const BandwidthSeries::Window& a, const BandwidthSeries::Window& b) {
  return a.start_cycle == b.start_cycle && a.cycles == b.cycles &&
         a.read_bytes == b.read_bytes && a.write_bytes == b.write_bytes;
}

void PrintTo(const BandwidthSeries::Window& w, std::ostream* os) {
  *os << "{" << w.start_cycle << ", " << w.cycles << ", " << w.read_bytes << ", "
      << w.write_bytes << "}";
}

namespace {

using Windows = std::vector<BandwidthSeries::Window>;

TEST(BandwidthSeries, EmptyRunHasNoWindows) {
  BandwidthSeries b;
  b.finish(0);
  EXPECT_EQ(b.window_cycles(), 1024u);
  EXPECT_TRUE(b.windows().empty());
}

TEST(BandwidthSeries, BytesLandInTheirWindowsAndTheLastIsPartial) {
  BandwidthSeries b;
  b.record(0, 64, false);
  b.record(1023, 64, true);   // last cycle of window 0
  b.record(1024, 32, false);  // first cycle of window 1
  b.record(1024, 64, false);
  b.record(3000, 64, true);   // window 2; windows 3 comes from finish only
  b.finish(3500);
  EXPECT_EQ(b.window_cycles(), 1024u);
  EXPECT_EQ(b.windows(), (Windows{{0, 1024, 64, 64},
                                  {1024, 1024, 96, 0},
                                  {2048, 1024, 0, 64},
                                  {3072, 428, 0, 0}}));
}

TEST(BandwidthSeries, WindowsWithoutRequestsInBetweenAreEmpty) {
  BandwidthSeries b;
  b.record(10, 64, false);
  b.record(4100, 64, true);
  b.finish(4100 + 1);
  EXPECT_EQ(b.windows(), (Windows{{0, 1024, 64, 0},
                                  {1024, 1024, 0, 0},
                                  {2048, 1024, 0, 0},
                                  {3072, 1024, 0, 0},
                                  {4096, 5, 0, 64}}));
}

// Before finish the series ends one cycle after the last request.
TEST(BandwidthSeries, UnfinishedSeriesEndsAfterTheLastRequest) {
  BandwidthSeries b;
  b.record(1500, 64, false);
  EXPECT_EQ(b.windows(), (Windows{{0, 1024, 0, 0}, {1024, 477, 64, 0}}));
}

// One request per window: reads in even windows, writes in odd ones, k + 1 bytes in window k.
TEST(BandwidthSeries, The513thWindowMergesPairsAndDoublesTheWindow) {
  BandwidthSeries b;
  for (std::uint32_t k = 0; k < 512; ++k) b.record(k * 1024 + 7, k + 1, k % 2 == 1);
  ASSERT_EQ(b.window_cycles(), 1024u);
  Windows w = b.windows();
  ASSERT_EQ(w.size(), 512u);
  EXPECT_EQ(w[0], (BandwidthSeries::Window{0, 1024, 1, 0}));
  EXPECT_EQ(w[511], (BandwidthSeries::Window{511 * 1024, 8, 0, 512}));

  b.record(512 * 1024, 513, false);  // first cycle of window 512
  EXPECT_EQ(b.window_cycles(), 2048u);
  w = b.windows();
  ASSERT_EQ(w.size(), 257u);
  for (std::uint64_t i = 0; i < 256; ++i)
    EXPECT_EQ(w[i], (BandwidthSeries::Window{i * 2048, 2048, 2 * i + 1, 2 * i + 2})) << i;
  EXPECT_EQ(w[256], (BandwidthSeries::Window{512 * 1024, 1, 513, 0}));

  b.finish(600000);
  w = b.windows();
  ASSERT_EQ(w.size(), 293u);  // ceil(600000 / 2048)
  EXPECT_EQ(w[256], (BandwidthSeries::Window{512 * 1024, 2048, 513, 0}));
  EXPECT_EQ(w[292], (BandwidthSeries::Window{292 * 2048, 600000 - 292 * 2048, 0, 0}));
}

TEST(BandwidthSeries, FinishAloneCanMerge) {
  BandwidthSeries full;
  full.record(0, 64, false);
  full.finish(512 * 1024);
  EXPECT_EQ(full.window_cycles(), 1024u);
  EXPECT_EQ(full.windows().size(), 512u);
  EXPECT_EQ(full.windows().back().cycles, 1024u);

  BandwidthSeries one_more;
  one_more.record(0, 64, false);
  one_more.finish(512 * 1024 + 1);
  EXPECT_EQ(one_more.window_cycles(), 2048u);
  const Windows w = one_more.windows();
  ASSERT_EQ(w.size(), 257u);
  EXPECT_EQ(w.front(), (BandwidthSeries::Window{0, 2048, 64, 0}));
  EXPECT_EQ(w.back(), (BandwidthSeries::Window{512 * 1024, 1, 0, 0}));
}

// A long run: the smallest doubling of 1024 that fits in 512 windows, windows that tile the run
// and keep every byte, and the same series from the same inputs.
TEST(BandwidthSeries, LongRunStaysWithin512WindowsDeterministically) {
  const std::uint64_t end = 10'000'000;
  auto run = [end] {
    BandwidthSeries b;
    for (std::uint64_t c = 0; c < end; c += 97) b.record(c, 64, c % 3 == 0);
    b.finish(end);
    return b;
  };
  const BandwidthSeries b = run();
  EXPECT_EQ(b.window_cycles(), 32768u);  // 16384 would need 611 windows
  const Windows w = b.windows();
  ASSERT_EQ(w.size(), 306u);             // ceil(10e6 / 32768)
  std::uint64_t next = 0, read = 0, write = 0;
  for (const auto& x : w) {
    EXPECT_EQ(x.start_cycle, next);
    next += x.cycles;
    read += x.read_bytes;
    write += x.write_bytes;
  }
  EXPECT_EQ(next, end);
  std::uint64_t want_read = 0, want_write = 0;
  for (std::uint64_t c = 0; c < end; c += 97) (c % 3 == 0 ? want_write : want_read) += 64;
  EXPECT_EQ(read, want_read);
  EXPECT_EQ(write, want_write);
  EXPECT_EQ(run().windows(), w);
}

TEST(BandwidthSeries, HugeGapMergesUntilItFits) {
  BandwidthSeries b;
  b.record(0, 64, false);
  b.record(1'000'000'000'000, 64, true);
  EXPECT_EQ(b.window_cycles(), std::uint64_t(1) << 31);  // 2^30 would need 932 windows
  const Windows w = b.windows();
  ASSERT_EQ(w.size(), 466u);
  EXPECT_EQ(w.front().read_bytes, 64u);
  EXPECT_EQ(w.back().write_bytes, 64u);
  EXPECT_EQ(w.back().start_cycle + w.back().cycles, 1'000'000'000'001u);
}

TEST(BandwidthSeries, OrderOfRequestsDoesNotMatter) {
  BandwidthSeries in_order, reversed;
  const std::uint64_t cycles[] = {5000, 300000, 600000, 2'000'000};
  for (std::uint64_t c : cycles) in_order.record(c, 64, c == 300000);
  for (auto it = std::rbegin(cycles); it != std::rend(cycles); ++it)
    reversed.record(*it, 64, *it == 300000);
  in_order.finish(2'000'001);
  reversed.finish(2'000'001);
  EXPECT_EQ(in_order.window_cycles(), 4096u);
  EXPECT_EQ(reversed.window_cycles(), 4096u);
  EXPECT_EQ(in_order.windows(), reversed.windows());
  EXPECT_EQ(in_order.windows()[1], (BandwidthSeries::Window{4096, 4096, 64, 0}));  // cycle 5000
  EXPECT_EQ(in_order.windows()[73], (BandwidthSeries::Window{73 * 4096, 4096, 0, 64}));
}

TEST(BandwidthSeries, FinishBeforeTheLastRequestThrows) {
  BandwidthSeries b;
  b.record(100, 64, false);
  EXPECT_THROW(b.finish(100), std::invalid_argument);
  b.finish(101);
  EXPECT_EQ(b.windows(), (Windows{{0, 101, 64, 0}}));
}

}  // namespace
}  // namespace mckit::stats
