// The prefetch buffer's tag side (rtl/pf_buffer.sv) on its own, as mc_prefetch uses it:
// hand-built sequences on the RTL (each cycle also checked against the C++ model,
// models/ctrl/pf_buffer.h), and the RTL against the model on seeded random operations.
#include <gtest/gtest.h>

#include <cstdint>
#include <ostream>
#include <random>
#include <stdexcept>
#include <vector>

#include "ctrl/pf_buffer.h"
#include "pf_buffer_rtl_driver.h"

namespace mckit::ctrl {
std::ostream& operator<<(std::ostream& os, const PfBufferOut& o) {
  return os << "{alloc_ok " << o.alloc_ok << " slot " << o.alloc_slot << ", hit " << o.hit
            << " late " << o.late << " slot " << o.hit_slot << ", has " << o.has
            << ", issued " << o.counters.issued << " useful " << o.counters.useful << " late "
            << o.counters.late << " evicted_unused " << o.counters.evicted_unused << "}";
}
}  // namespace mckit::ctrl

namespace mckit {
namespace {

using ctrl::PfBufferIn;
using ctrl::PfBufferOut;

constexpr unsigned kEntries = 32;

PfBufferIn alloc(std::uint64_t a) { PfBufferIn in; in.alloc = true; in.alloc_addr = a; return in; }
PfBufferIn fill(unsigned slot) { PfBufferIn in; in.fill = true; in.fill_slot = slot; return in; }
PfBufferIn lookup(std::uint64_t a) { PfBufferIn in; in.lookup = true; in.lookup_addr = a; return in; }
PfBufferIn inval(std::uint64_t a) { PfBufferIn in; in.inval = true; in.inval_addr = a; return in; }
PfBufferIn has(std::uint64_t a) { PfBufferIn in; in.has = true; in.has_addr = a; return in; }

// The RTL and the model side by side; every cycle's outputs must agree.
class Buffer {
 public:
  // One cycle with `in`: its outputs (the RTL's), then the edge.
  PfBufferOut step(const PfBufferIn& in) {
    const PfBufferOut got = rtl_.outputs(in);
    EXPECT_EQ(model_.outputs(in), got) << "the C++ model differs from the RTL in cycle " << cycle_;
    rtl_.clock(in);
    model_.clock(in);
    ++cycle_;
    return got;
  }
  // Allocates and fills `addr`; returns its slot.
  unsigned load(std::uint64_t addr) {
    const PfBufferOut a = step(alloc(addr));
    EXPECT_TRUE(a.alloc_ok) << "alloc of " << addr;
    step(fill(a.alloc_slot));
    return a.alloc_slot;
  }

 private:
  test::PfBufferRtlDriver rtl_;
  ctrl::PrefetchBuffer model_{kEntries};
  std::uint64_t cycle_ = 0;
};

TEST(PfBuffer, InFlightLookupIsLateAndAFilledOneHits) {
  Buffer b;
  const PfBufferOut a = b.step(alloc(500));
  EXPECT_TRUE(a.alloc_ok);
  EXPECT_EQ(a.alloc_slot, 0u);
  const PfBufferOut late = b.step(lookup(500));  // its read takes the fill's data
  EXPECT_TRUE(late.late);
  EXPECT_FALSE(late.hit);
  EXPECT_EQ(late.hit_slot, 0u);
  PfBufferIn elsewhere = lookup(500);  // a read that goes to the DRAM instead: not counted
  elsewhere.count_late = false;
  EXPECT_TRUE(b.step(elsewhere).late);
  b.step(fill(0));
  const PfBufferOut hit = b.step(lookup(500));
  EXPECT_TRUE(hit.hit);
  EXPECT_FALSE(hit.late);
  EXPECT_EQ(hit.hit_slot, 0u);
  EXPECT_FALSE(b.step(lookup(501)).hit);
  const PfBufferOut after = b.step({});
  EXPECT_EQ(after.counters.issued, 1u);
  EXPECT_EQ(after.counters.late, 1u);
  EXPECT_EQ(after.counters.useful, 2u);  // the late read the fill served, and the hit
  EXPECT_EQ(after.counters.evicted_unused, 0u);
}

// A write drops a ready entry and an in-flight one; the in-flight one's slot stays reserved
// until its late fill, which then brings nothing back.
TEST(PfBuffer, WriteInvalidatesAndALateFillDoesNotResurrect) {
  Buffer b;
  EXPECT_EQ(b.load(100), 0u);
  EXPECT_EQ(b.step(alloc(200)).alloc_slot, 1u);  // in flight
  b.step(inval(100));
  b.step(inval(200));
  EXPECT_FALSE(b.step(lookup(100)).hit);
  const PfBufferOut gone = b.step(lookup(200));
  EXPECT_FALSE(gone.hit);
  EXPECT_FALSE(gone.late);
  EXPECT_EQ(b.step(alloc(300)).alloc_slot, 0u);
  EXPECT_EQ(b.step(alloc(400)).alloc_slot, 2u) << "slot 1 awaits its fill";
  b.step(fill(1));  // the late fill of 200
  const PfBufferOut still_gone = b.step(lookup(200));
  EXPECT_FALSE(still_gone.hit);
  EXPECT_FALSE(still_gone.late);
  EXPECT_FALSE(b.step(has(200)).has);
  EXPECT_EQ(b.step(alloc(500)).alloc_slot, 1u) << "the fill freed slot 1";
  EXPECT_EQ(b.step({}).counters.evicted_unused, 2u);
}

TEST(PfBuffer, SameCycleRules) {
  Buffer b;
  b.load(100);
  PfBufferIn read_and_write = lookup(100);
  read_and_write.inval = true;
  read_and_write.inval_addr = 100;
  const PfBufferOut rw = b.step(read_and_write);
  EXPECT_FALSE(rw.hit) << "a read beside a write of its address goes to DRAM";
  EXPECT_FALSE(rw.late);
  EXPECT_FALSE(b.step(lookup(100)).hit);

  b.load(600);
  EXPECT_FALSE(b.step(alloc(600)).alloc_ok) << "already buffered";
  PfBufferIn alloc_written = alloc(700);
  alloc_written.inval = true;
  alloc_written.inval_addr = 700;
  EXPECT_FALSE(b.step(alloc_written).alloc_ok) << "written this cycle";

  // Fill and write of one in-flight entry together: it ends invalid.
  const unsigned s = b.step(alloc(800)).alloc_slot;
  PfBufferIn fill_written = fill(s);
  fill_written.inval = true;
  fill_written.inval_addr = 800;
  b.step(fill_written);
  EXPECT_FALSE(b.step(lookup(800)).hit);
  EXPECT_FALSE(b.step(has(800)).has);

  // Lookup meeting the fill's cycle is late; the next cycle hits.
  const unsigned t = b.step(alloc(900)).alloc_slot;
  PfBufferIn fill_read = fill(t);
  fill_read.lookup = true;
  fill_read.lookup_addr = 900;
  EXPECT_TRUE(b.step(fill_read).late);
  EXPECT_TRUE(b.step(lookup(900)).hit);
}

// 32 ready entries allocated in slot order, then 0, 1, 2 hit: new allocations replace the
// never-hit ones oldest first, then 0, 1, 2 in their hit order.
TEST(PfBuffer, ReplacesLeastRecentlyUsedReadyEntry) {
  Buffer b;
  for (unsigned i = 0; i < kEntries; ++i) EXPECT_EQ(b.load(1000 + i), i);
  for (unsigned i = 0; i < 3; ++i) EXPECT_TRUE(b.step(lookup(1000 + i)).hit);
  std::vector<unsigned> order;
  for (unsigned i = 0; i < kEntries; ++i) order.push_back(b.load(5000 + i));
  std::vector<unsigned> expected;
  for (unsigned i = 3; i < kEntries; ++i) expected.push_back(i);
  expected.insert(expected.end(), {0, 1, 2});
  EXPECT_EQ(order, expected);
  const PfBufferOut o = b.step({});
  EXPECT_EQ(o.counters.evicted_unused, kEntries - 3) << "0, 1 and 2 were hit";
  EXPECT_EQ(o.counters.issued, 2 * kEntries);
  EXPECT_EQ(o.counters.useful, 3u);
}

TEST(PfBuffer, RefusesWhenEveryEntryIsInFlight) {
  Buffer b;
  for (unsigned i = 0; i < kEntries; ++i) EXPECT_TRUE(b.step(alloc(10 * i)).alloc_ok);
  const PfBufferOut full = b.step(alloc(7));
  EXPECT_FALSE(full.alloc_ok);
  EXPECT_EQ(full.alloc_slot, 0u);
  b.step(fill(7));
  // The only ready entry is hit in this cycle, so it cannot be replaced in it.
  PfBufferIn hit_and_alloc = alloc(7);
  hit_and_alloc.lookup = true;
  hit_and_alloc.lookup_addr = 70;
  const PfBufferOut both = b.step(hit_and_alloc);
  EXPECT_TRUE(both.hit);
  EXPECT_FALSE(both.alloc_ok);
  const PfBufferOut next = b.step(alloc(7));
  EXPECT_TRUE(next.alloc_ok);
  EXPECT_EQ(next.alloc_slot, 7u);
  EXPECT_EQ(b.step({}).counters.issued, kEntries + 1);
}

TEST(PfBuffer, HasCoversInFlightAndReadyEntries) {
  Buffer b;
  b.step(alloc(40));
  EXPECT_TRUE(b.step(has(40)).has) << "in flight";
  b.step(fill(0));
  EXPECT_TRUE(b.step(has(40)).has) << "ready";
  EXPECT_FALSE(b.step(has(41)).has);
  PfBufferIn not_asked = has(40);
  not_asked.has = false;
  EXPECT_FALSE(b.step(not_asked).has);
}

// The model takes the RTL's Entries up to 64, its free slots being one 64-bit set: the 64th
// slot is found free, and a full buffer of 64 replaces its least recently used entry.
TEST(PfBufferModel, TakesUpTo64EntriesTheLowestFreeSlotFirst) {
  EXPECT_THROW(ctrl::PrefetchBuffer(3), std::invalid_argument);
  EXPECT_THROW(ctrl::PrefetchBuffer(128), std::invalid_argument);
  ctrl::PrefetchBuffer model(64);
  for (unsigned i = 0; i < 64; ++i) {
    const PfBufferOut o = model.outputs(alloc(100 + i));
    ASSERT_TRUE(o.alloc_ok) << i;
    EXPECT_EQ(o.alloc_slot, i);
    model.clock(alloc(100 + i));
    model.clock(fill(i));
  }
  model.clock(lookup(100));  // slot 0 is used last: slot 1 is the oldest
  const PfBufferOut o = model.outputs(alloc(1));
  EXPECT_TRUE(o.alloc_ok);
  EXPECT_EQ(o.alloc_slot, 1u);
}

// Random operations on a small address pool (so that hits, late lookups, duplicates and
// refusals are common), with addresses at both ends of the 34-bit range.
TEST(PfBuffer, RtlMatchesModelOnRandomOperations) {
  std::mt19937_64 rng(20240611);
  std::vector<std::uint64_t> pool;
  for (std::uint64_t i = 0; i < 40; ++i) pool.push_back(i);
  for (std::uint64_t i = 1; i <= 8; ++i) pool.push_back((std::uint64_t{1} << 34) - i);
  std::uniform_int_distribution<std::size_t> pick(0, pool.size() - 1);
  std::uniform_int_distribution<unsigned> slot(0, kEntries - 1);
  std::bernoulli_distribution often(0.5), sometimes(0.1);

  test::PfBufferRtlDriver rtl;
  ctrl::PrefetchBuffer model(kEntries);
  unsigned refused = 0;
  PfBufferOut last;
  for (std::uint64_t c = 0; c < 100000; ++c) {
    PfBufferIn in;
    in.alloc = often(rng);
    in.alloc_addr = pool[pick(rng)];
    in.fill = often(rng);
    in.fill_slot = slot(rng);
    in.lookup = often(rng);
    in.count_late = often(rng);
    in.lookup_addr = pool[pick(rng)];
    in.inval = sometimes(rng);
    in.inval_addr = pool[pick(rng)];
    in.has = often(rng);
    in.has_addr = pool[pick(rng)];
    last = rtl.outputs(in);
    const PfBufferOut want = model.outputs(in);
    ASSERT_EQ(want, last) << "first difference in cycle " << c;
    refused += in.alloc && !last.alloc_ok;
    rtl.clock(in);
    model.clock(in);
  }
  // The traffic exercised every outcome.
  EXPECT_GT(last.counters.useful, 1000u);
  EXPECT_GT(last.counters.late, 1000u);
  EXPECT_GT(last.counters.evicted_unused, 1000u);
  EXPECT_GT(refused, 1000u);
}

}  // namespace
}  // namespace mckit
