// Mutation run: for every shipped preset and every timing the controller uses, the controller
// (the C++ twin, cycle-identical to the RTL) runs with that one value one cycle short while the
// device keeps the preset's; the device model's checker must name the broken rule. Workloads
// are tried in turn (random traffic first, then targeted patterns) until one exposes it.
// Prints a Markdown table timing x preset; exits 1 if a mutation went uncaught that is not
// masked (one cycle less changes nothing the controller issues, e.g. tRC = tRAS + tRP).
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
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
    {"tREFI", &dram::Timing::tREFI}};

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
// refreshes (PREA, REF, then ACT) on every preset: 60000 requests outlast N + 2 tREFI.
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
      {"random, 60000 requests", keep,
       [](const dram::DramPreset& p) { return random_traffic(p, 64ull << 20, 0.5, 4, 60000); }},
  };
}

// Why shortening `f` by one cycle cannot change what the controller issues on `p`, or "" if
// it can. Each reason is a bound the controller enforces anyway.
std::string masked(const dram::DramPreset& p, const Field& f) {
  const dram::Timing& t = p.timing;
  const std::string n = f.name;
  if (n == "tREFI") return "shorter is legal: refreshes come more often";
  if (n == "tRC" && t.tRC <= t.tRAS + t.tRP) return "tRC = tRAS + tRP, both enforced";
  if (n == "tFAW" && t.tFAW <= 4 * t.tRRD_S) return "tFAW = 4 x tRRD_S, enforced on every ACT";
  if (n == "tRTRS" && p.org.ranks == 1) return "one rank: no rank switch";
  const auto same_as_s = [&](int l, int s, const char* other) {
    return l <= s ? std::string("= ") + other + ", which binds every pair of a rank" : "";
  };
  if (n == "tRRD_L") return same_as_s(t.tRRD_L, t.tRRD_S, "tRRD_S");
  if (n == "tCCD_L") return same_as_s(t.tCCD_L, t.tCCD_S, "tCCD_S");
  if (n == "tWTR_L") return same_as_s(t.tWTR_L, t.tWTR_S, "tWTR_S");
  return "";
}

struct Outcome {
  bool caught = false;
  std::string rule, workload;
  std::uint64_t requests = 0;
};

Outcome run_mutation(const dram::DramPreset& p, const Field& f) {
  for (const Workload& w : workloads_in_turn()) {
    sim::HarnessOptions o;
    o.backend = sim::Backend::Tlm;
    w.policy(o.controller);
    o.controller_timing = p.timing;
    o.controller_timing.value().*f.member -= 1;
    o.check_data = false;  // a short tCL or tCWL also misplaces data: the checker must say why
    sim::CycleHarness h(p, o);
    std::uint64_t completed = 0;
    Outcome out;
    h.on_completion = [&](const ctrl::Completion&) { ++completed; };
    h.on_command = [&](const ctrl::IssuedCommand&) {
      if (!out.caught && !h.device().violations().empty()) {
        out.caught = true;
        out.rule = h.device().violations().front().constraint;
        out.requests = completed;
      }
    };
    auto source = w.source(p);
    try {
      h.run(*source);
    } catch (const std::exception& e) {
      if (!out.caught) return {true, std::string("run refused: ") + e.what(), w.name, completed};
    }
    if (!out.caught && !h.device().violations().empty()) {
      out.caught = true;
      out.rule = h.device().violations().front().constraint;
      out.requests = completed;
    }
    if (out.caught) {
      out.workload = w.name;
      return out;
    }
  }
  return {};
}

// Prints the table; 0 when every mutation is caught or masked.
int print_table() {
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
    std::printf("| %s |", f.name);
    for (const dram::DramPreset& p : presets) {
      if (p.timing.*f.member == 0) {
        std::printf(" — |");
        continue;
      }
      const Outcome o = run_mutation(p, f);
      const std::string reason = masked(p, f);
      if (o.caught)
        std::printf(" %s after %llu (%s) |", o.rule.c_str(),
                    static_cast<unsigned long long>(o.requests), o.workload.c_str());
      else if (!reason.empty())
        std::printf(" masked: %s |", reason.c_str());
      else {
        std::printf(" **not caught** |");
        ++missed;
      }
      std::fflush(stdout);
    }
    std::printf("\n");
  }
  std::printf("\n%d mutation(s) not caught (masked ones excepted)\n", missed);
  return missed == 0 ? 0 : 1;
}

}  // namespace

int main() { return print_table(); }
