// Response back-pressure (rsp_ready_i) on both backends, cycle by cycle: a response the
// requester does not take waits, and the next ones behind it, in order; with 32 reads
// unanswered the controller takes no further read. Random readiness under random traffic is
// in test_backend_crosscheck.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <vector>

#include "backend.h"
#include "dram/dram_preset.h"
#include "rtl_test_support.h"

namespace mckit {
namespace {

using namespace test;

class ResponseReady : public ::testing::TestWithParam<sim::Backend> {
 protected:
  const dram::DramPreset p = dram::load_preset("ddr4-3200");
  const dram::Timing& t = p.timing;

  // Offers request k no earlier than cycle offer_at[k]; the requester takes responses only
  // in cycles `ready` says.
  std::map<std::uint64_t, ctrl::Completion> run(const std::vector<Request>& requests,
                                                const std::vector<std::uint64_t>& offer_at,
                                                std::function<bool(std::uint64_t)> ready) {
    sim::HarnessOptions options;
    options.backend = GetParam();
    options.controller.refresh = false;
    sim::CycleHarness h(p, options);
    std::map<std::uint64_t, ctrl::Completion> done;
    h.on_completion = [&](const ctrl::Completion& c) { done[c.tag] = c; };
    h.set_request_gate([&](std::uint64_t cycle, std::uint64_t seq) {
      return seq >= offer_at.size() || cycle >= offer_at[seq];
    });
    h.set_response_ready(std::move(ready));
    VectorSource source(requests);
    const stats::RunStats s = h.run(source);
    EXPECT_EQ(s.violations, 0u);
    EXPECT_EQ(s.data_mismatches, 0u);
    EXPECT_EQ(s.unanswered, 0u);
    EXPECT_EQ(done.size(), requests.size());
    return done;
  }
};

// A read of a closed bank at cycle 100 is answered at 100 + tRCD + tCL + tBL + P = 152 when
// taken at once, and a row hit right behind it tCCD_L later. Held until cycle 170, the first
// goes in 170, the second, waiting behind it, in 171.
TEST_P(ResponseReady, HeldResponsesGoInOrderAtTheFirstReadyCycle) {
  const std::vector<Request> reads = {read_at(address_of(p, 0, 0, 7, 0)),
                                      read_at(address_of(p, 0, 0, 7, 1))};
  const std::vector<std::uint64_t> at = {100, 101};
  const std::uint64_t natural = 100 + std::uint64_t(t.tRCD + t.tCL + t.tBL) + kPipelineDepth;
  const auto free = run(reads, at, [](std::uint64_t) { return true; });
  EXPECT_EQ(free.at(0).done_cycle, natural);
  EXPECT_EQ(free.at(1).done_cycle, natural + std::uint64_t(t.tCCD_L));
  const auto held = run(reads, at, [](std::uint64_t cycle) { return cycle >= 170; });
  EXPECT_EQ(held.at(0).done_cycle, 170u);
  EXPECT_EQ(held.at(1).done_cycle, 171u);
}

// 40 reads offered back to back from cycle 100, no response taken before cycle 3000: the
// controller takes 32 (as many as its response queue holds), the 33rd is accepted into the
// front-end register and waits there, the 34th is not accepted. From 3000 on the 32 answers
// go one a cycle; the first one taken frees a place, so the 33rd is filed in 3001 and the
// 34th accepted then.
TEST_P(ResponseReady, ThirtyTwoReadsUnansweredHoldTheFrontEnd) {
  std::vector<Request> reads;
  std::vector<std::uint64_t> at;
  for (std::uint32_t k = 0; k < 40; ++k) {
    reads.push_back(read_at(address_of(p, k % 4, k / 4 % 4, 3, k / 16)));
    at.push_back(100);
  }
  const auto done = run(reads, at, [](std::uint64_t cycle) { return cycle >= 3000; });
  std::vector<std::uint64_t> first_answers;
  for (std::uint64_t k = 0; k < 40; ++k) {
    const ctrl::Completion& c = done.at(k);
    if (k < 33) {
      EXPECT_EQ(c.accept_cycle, 100 + k) << "read " << k;
    } else {
      EXPECT_GE(c.accept_cycle, 3001u) << "read " << k;
    }
    if (k < 32) first_answers.push_back(c.done_cycle);
  }
  EXPECT_EQ(done.at(33).accept_cycle, 3001u);
  std::sort(first_answers.begin(), first_answers.end());
  for (std::size_t i = 0; i < first_answers.size(); ++i)
    EXPECT_EQ(first_answers[i], 3000 + i) << "answer " << i;
}

INSTANTIATE_TEST_SUITE_P(Backends, ResponseReady, ::testing::ValuesIn(kBackends),
                         backend_test_name);

}  // namespace
}  // namespace mckit
