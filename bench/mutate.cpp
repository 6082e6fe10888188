// Mutation run: for every shipped preset and every timing the controller uses, the controller
// (the C++ twin, cycle-identical to the RTL) runs with that one value one cycle off, on the
// unsafe side, while the device keeps the preset's; the device model's checker must name the
// broken rule. Workloads are tried in turn (random traffic first, then targeted patterns)
// until one exposes it. Where the preset's own values make the controller's bound for a timing
// redundant, the mutation runs on a variant of the preset in which the timing binds (in the
// controller and the device alike). Every catch is checked: the unmutated controller runs the
// same workload as far without a violation. The timings of per-bank and same-bank refresh run
// with that refresh (the kind the preset's standard has). Prints a Markdown table timing x
// preset; exits 1 if any mutation went uncaught. Arguments, if any, name the timings to run.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "backend.h"
#include "dram/dram_preset.h"
#include "workloads/microbench.h"

namespace {

using namespace mckit;

struct Field {
  const char* name;
  int dram::Timing::*member;
  bool partial_refresh = false;  // a timing of per-bank or same-bank refresh only
};

// Every timing ControllerParams takes from the preset (ctrl/controller_params.cpp).
const Field kFields[] = {
    {"tRCD", &dram::Timing::tRCD},     {"tRCDWR", &dram::Timing::tRCDWR},
    {"tRP", &dram::Timing::tRP},       {"tRPab", &dram::Timing::tRPab},
    {"tRAS", &dram::Timing::tRAS},     {"tRC", &dram::Timing::tRC},
    {"tCL", &dram::Timing::tCL},       {"tCWL", &dram::Timing::tCWL},
    {"tBL", &dram::Timing::tBL},       {"tRTP", &dram::Timing::tRTP},
    {"tWR", &dram::Timing::tWR},       {"tWTR_S", &dram::Timing::tWTR_S},
    {"tWTR_L", &dram::Timing::tWTR_L}, {"tCCD_S", &dram::Timing::tCCD_S},
    {"tCCD_L", &dram::Timing::tCCD_L}, {"tCCD_L_WR", &dram::Timing::tCCD_L_WR},
    {"tWPRE", &dram::Timing::tWPRE},   {"tRRD_S", &dram::Timing::tRRD_S},
    {"tRRD_L", &dram::Timing::tRRD_L}, {"tFAW", &dram::Timing::tFAW},
    {"tRTRS", &dram::Timing::tRTRS},   {"tRFC", &dram::Timing::tRFC},
    {"tREFI", &dram::Timing::tREFI},   {"tPPD", &dram::Timing::tPPD},
    {"tRFCpb", &dram::Timing::tRFCpb, true},     {"tRFCsb", &dram::Timing::tRFCsb, true},
    {"tPBR2PBR", &dram::Timing::tPBR2PBR, true}, {"tPBR2ACT", &dram::Timing::tPBR2ACT, true},
    {"tRREFD", &dram::Timing::tRREFD, true},     {"tREFSBRD", &dram::Timing::tREFSBRD, true}};

// The refresh kind besides all-bank that a standard has (ctrl/derived_timing.cpp refuses the
// others).
ctrl::RefreshKind partial_kind(const std::string& standard) {
  return standard == "DDR5" ? ctrl::RefreshKind::SameBank : ctrl::RefreshKind::PerBank;
}

struct Workload {
  const char* name;
  std::function<void(ctrl::ControllerConfig&)> policy;
  std::function<std::unique_ptr<workloads::RequestSource>(const dram::DramPreset&)> source;
};

std::unique_ptr<workloads::RequestSource> random_traffic(const dram::DramPreset& p,
                                                         std::uint64_t footprint, double reads,
                                                         int run, std::uint64_t count = 4000) {
  workloads::RandomParams r;
  r.count = count;
  r.seed = 7;
  r.footprint = footprint;
  r.burst_bytes = p.org.bytes_per_burst();
  r.read_fraction = reads;
  r.max_run = run;
  return std::make_unique<workloads::RandomSource>(r);
}

// Random traffic first; then patterns that reach what it leaves out: few rows (row
// conflicts: ACT/PRE pairs in one bank), closed pages (auto-precharge), write-then-read
// streams (turnarounds in one row), and traffic long enough that the controller must force
// refreshes (PREA, REF, then ACT) on every preset. A tREFI one cycle long gains a cycle per
// refresh on the interval of margin the controller keeps (it forces a REF one interval before
// the deadline), so it shows only after about tREFI refreshes: the last workload runs up to
// 20 M requests. Each run stops at its first violation.
std::vector<Workload> workloads_in_turn() {
  const auto keep = [](ctrl::ControllerConfig&) {};
  return {
      {"random", keep, [](const dram::DramPreset& p) { return random_traffic(p, 64ull << 20, 0.5, 4); }},
      {"random, 8 rows", keep, [](const dram::DramPreset& p) {
         return random_traffic(p, std::uint64_t(8) * p.org.bytes_per_burst() * p.org.columns /
                                      p.org.burst_length * p.org.banks_per_rank(), 0.5, 1);
       }},
      {"random, closed page", [](ctrl::ControllerConfig& c) { c.page_policy = ctrl::PagePolicy::Closed; },
       [](const dram::DramPreset& p) { return random_traffic(p, 64ull << 20, 0.5, 2); }},
      {"write/read stream", keep, [](const dram::DramPreset& p) {
         workloads::RwMixParams r;
         r.count = 4000;
         r.burst_bytes = p.org.bytes_per_burst();
         r.footprint = 1ull << 20;
         return std::unique_ptr<workloads::RequestSource>(new workloads::RwMixSource(r));
       }},
      {"random, 20 M requests", keep,
       [](const dram::DramPreset& p) { return random_traffic(p, 64ull << 20, 0.5, 4, 20000000); }},
  };
}

// tREFI bounds the average interval between refreshes from above; every other timing is a
// shortest distance. A misreading shows as one cycle too many in tREFI, one too few elsewhere.
int mutated(const Field& f, int value) {
  return f.member == &dram::Timing::tREFI ? value + 1 : value - 1;
}

// The preset the mutation of `f` runs on, and how it differs from the shipped one ("" if not).
struct Setup {
  dram::DramPreset preset;
  std::string change;
  bool partial_refresh = false;  // run with the standard's per-bank or same-bank refresh
};

// Where the shipped values leave the controller's bound for `f` redundant, a variant in which
// it binds:
// - tRC = tRAS + tRP, both enforced: tRC one cycle longer;
// - tFAW = 4 x tRRD_S, reached by the 5th ACT anyway: tFAW one cycle longer;
// - one rank, no rank switch: two ranks.
Setup exposing_setup(const dram::DramPreset& p, const Field& f) {
  Setup s{p, "", f.partial_refresh};
  dram::Timing& t = s.preset.timing;
  if (f.member == &dram::Timing::tRC && t.tRC <= t.tRAS + t.tRP) {
    t.tRC = t.tRAS + t.tRP + 1;
    s.change = "tRC = tRAS + tRP + 1";
  } else if (f.member == &dram::Timing::tFAW && t.tFAW <= 4 * t.tRRD_S) {
    t.tFAW = 4 * t.tRRD_S + 1;
    s.change = "tFAW = 4 tRRD_S + 1";
  } else if (f.member == &dram::Timing::tRTRS && p.org.ranks == 1) {
    s.preset.org.ranks = 2;
    s.change = "two ranks";
  }
  return s;
}

struct Outcome {
  bool caught = false;
  std::string rule, workload;
  std::uint64_t requests = 0;
};

// Thrown from an observer to end a run: at its first violation, or at its request limit.
struct StopRun {};

// Runs `w` on `setup` with the controller's timing `timing`, until the first violation or,
// with a `limit`, once that many requests have completed. The first violation, if any.
Outcome run_workload(const Setup& setup, const dram::Timing& timing, const Workload& w,
                     std::optional<std::uint64_t> limit = std::nullopt) {
  sim::HarnessOptions o;
  o.backend = sim::Backend::Tlm;
  w.policy(o.controller);
  if (setup.partial_refresh) o.controller.refresh_kind = partial_kind(setup.preset.standard);
  o.controller_timing = timing;
  o.check_data = false;  // a short tCL or tCWL also misplaces data: the checker must say why
  sim::CycleHarness h(setup.preset, o);
  std::uint64_t completed = 0;
  Outcome out;
  h.on_completion = [&](const ctrl::Completion&) {
    if (++completed > limit.value_or(UINT64_MAX)) throw StopRun{};
  };
  h.on_command = [&](const ctrl::IssuedCommand&) {
    if (h.device().violations().empty()) return;
    out = {true, h.device().violations().front().constraint, w.name, completed};
    throw StopRun{};
  };
  auto source = w.source(setup.preset);
  try {
    h.run(*source);
  } catch (const StopRun&) {
  }
  if (!out.caught && !h.device().violations().empty())  // a refresh deadline found at the end
    out = {true, h.device().violations().front().constraint, w.name, completed};
  return out;
}

// The mutation of `f` on `setup`, through the workloads in turn. The unmutated controller
// must run the exposing workload as far without a violation, or the catch proves nothing.
Outcome run_mutation(const Setup& setup, const Field& f) {
  dram::Timing timing = setup.preset.timing;
  timing.*f.member = mutated(f, timing.*f.member);
  for (const Workload& w : workloads_in_turn()) {
    Outcome out = run_workload(setup, timing, w);
    if (!out.caught) continue;
    const Outcome clean = run_workload(setup, setup.preset.timing, w, out.requests);
    if (clean.caught) out.rule = "unmutated not clean: " + clean.rule;
    return out;
  }
  return {};
}

// Prints the table (of the timings named in `only`, or all); 0 when every mutation is caught.
int print_table(const std::vector<std::string>& only) {
  const std::vector<std::string> names = dram::shipped_preset_names();
  std::vector<dram::DramPreset> presets;
  for (const std::string& n : names) presets.push_back(dram::load_preset(n));

  std::printf("| timing |");
  for (const auto& n : names) std::printf(" %s |", n.c_str());
  std::printf("\n| --- |");
  for (std::size_t i = 0; i < names.size(); ++i) std::printf(" --- |");
  std::printf("\n");
  int missed = 0;
  for (const Field& f : kFields) {
    if (!only.empty() && std::find(only.begin(), only.end(), f.name) == only.end()) continue;
    std::printf("| %s |", f.name);
    for (const dram::DramPreset& p : presets) {
      if (p.timing.*f.member == 0) {
        std::printf(" — |");
        continue;
      }
      const Setup setup = exposing_setup(p, f);
      const Outcome o = run_mutation(setup, f);
      const std::string on = setup.change.empty() ? "" : "; " + setup.change;
      if (o.caught && o.rule.rfind("unmutated not clean", 0) != 0) {
        std::printf(" %s after %llu (%s%s) |", o.rule.c_str(),
                    static_cast<unsigned long long>(o.requests), o.workload.c_str(), on.c_str());
      } else {
        std::printf(" **%s** |", o.caught ? o.rule.c_str() : "not caught");
        ++missed;
      }
      std::fflush(stdout);
    }
    std::printf("\n");
  }
  std::printf("\n%d mutation(s) not caught\n", missed);
  return missed == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) { return print_table({argv + 1, argv + argc}); }
