#include "run_table.h"

#include "text_table.h"

namespace mckit::sim {

namespace {
std::string count(std::uint64_t n) { return std::to_string(n); }
std::string share(std::uint64_t part, std::uint64_t whole) {
  return whole ? fixed(100.0 * double(part) / double(whole), 1) + " %" : "-";
}
std::string with_sign(double value, int decimals) {
  return (value >= 0 ? "+" : "") + fixed(value, decimals);
}
std::string change(double from, double to, int decimals, const std::string& unit) {
  const stats::Change c = stats::change(from, to);
  return with_sign(c.by, decimals) + " " + unit + " (" + with_sign(c.percent, 1) + " %)";
}

void add_prefetch_rows(TextTable& t, const std::string& prefetcher, const stats::RunStats& s,
                       const stats::RunFigures& base) {
  const stats::PrefetchStats& p = s.prefetch;
  const stats::RunFigures now = stats::figures_of(s);
  t.add_row({"prefetcher", prefetcher});
  t.add_row({"prefetches issued", count(p.issued)});
  t.add_row({"prefetches useful", count(p.useful)});
  t.add_row({"prefetch accuracy", fixed(100.0 * p.accuracy(), 1) + " % of issued"});
  t.add_row({"prefetch coverage", fixed(100.0 * p.coverage(), 1) + " % of demand reads"});
  t.add_row({"prefetches late", count(p.late)});
  t.add_row({"prefetches evicted unused", count(p.evicted_unused)});
  t.add_row({"prefetch ACTs", count(p.activates)});
  t.add_row({"extra DRAM traffic", count(s.prefetch_extra_bytes()) + " B (" +
                                       with_sign(s.prefetch_extra_percent(), 1) +
                                       " % of the bursts)"});
  t.add_row({"without prefetcher", fixed(base.bandwidth_gbps, 2) + " GB/s, read latency mean " +
                                       fixed(base.mean_read_latency_ns, 1) + " ns, p99 " +
                                       fixed(base.p99_read_latency_ns, 1) + " ns"});
  t.add_row({"bandwidth change", change(base.bandwidth_gbps, now.bandwidth_gbps, 2, "GB/s")});
  t.add_row({"read latency mean change",
             change(base.mean_read_latency_ns, now.mean_read_latency_ns, 1, "ns")});
  t.add_row({"read latency p99 change",
             change(base.p99_read_latency_ns, now.p99_read_latency_ns, 1, "ns")});
}
}  // namespace

void print_run_table(std::ostream& out, const RunLabel& label, const stats::RunStats& s,
                     const std::optional<stats::RunFigures>& baseline) {
  using dram::Command;
  const double ns = s.tck_ns;
  const auto lat = [&](std::uint64_t cycles) {
    return fixed(double(cycles) * ns, 1) + " ns (" + count(cycles) + ")";
  };
  const std::uint64_t served = s.row_hits + s.row_misses + s.row_conflicts;
  const auto cmd = [&](Command c) { return s.commands[std::size_t(c)]; };

  TextTable t({"metric", "value"});
  t.add_row({"workload", label.workload});
  t.add_row({"preset", label.preset});
  t.add_row({"backend", label.backend});
  t.add_row({"policy", label.policy});
  t.add_row({"requests", count(s.requests()) + " (" + count(s.reads) + " reads, " +
                             count(s.writes) + " writes)"});
  t.add_row({"bandwidth", fixed(s.bandwidth_gbps(), 2) + " GB/s, " +
                              fixed(s.percent_of_peak(), 1) + " % of " +
                              fixed(s.peak_gbps, 1) + " GB/s peak"});
  t.add_row({"read latency mean", fixed(s.read_latency.mean() * ns, 1) + " ns (" +
                                      fixed(s.read_latency.mean(), 1) + " cycles)"});
  t.add_row({"read latency p50", lat(s.read_latency.percentile(0.50))});
  t.add_row({"read latency p99", lat(s.read_latency.percentile(0.99))});
  t.add_row({"read latency min/max",
             lat(s.read_latency.min()) + " / " + lat(s.read_latency.max())});
  t.add_row({"row hits", count(s.row_hits) + " (" + share(s.row_hits, served) + ")"});
  t.add_row({"row misses", count(s.row_misses) + " (" + share(s.row_misses, served) + ")"});
  t.add_row({"row conflicts", count(s.row_conflicts) + " (" + share(s.row_conflicts, served) + ")"});
  t.add_row({"reads from write queue", count(s.forwarded_reads)});
  t.add_row({"commands", "ACT " + count(cmd(Command::ACT)) + ", PRE " +
                             count(cmd(Command::PRE) + cmd(Command::PREA)) + ", RD " +
                             count(cmd(Command::RD) + cmd(Command::RDA)) + ", WR " +
                             count(cmd(Command::WR) + cmd(Command::WRA))});
  t.add_row({"refreshes", count(s.refreshes()) + " (" + count(s.refreshes_postponed) +
                              " postponed, at most " + count(s.max_refresh_owed) + " owed)"});
  t.add_row({"energy", fixed(s.energy.total() / 1000.0, 1) + " nJ, " +
                           fixed(s.energy.pj_per_bit(), 2) + " pJ/bit"});
  if (baseline) add_prefetch_rows(t, label.prefetcher, s, *baseline);
  t.add_row({"simulated time", fixed(s.seconds() * 1e6, 2) + " us (" + count(s.cycles) +
                                   " cycles)"});
  t.add_row({"wall time", fixed(s.wall_seconds, 2) + " s"});
  t.add_row({"simulation speed",
             fixed(s.wall_seconds > 0 ? double(s.cycles) / s.wall_seconds / 1e6 : 0, 2) +
                 " M cycles/s, " +
                 fixed(s.wall_seconds > 0 ? double(s.requests()) / s.wall_seconds / 1e6 : 0, 2) +
                 " M requests/s"});
  t.add_row({"timing violations", count(s.violations)});
  t.add_row({"data mismatches", count(s.data_mismatches)});
  t.add_row({"unanswered requests", count(s.unanswered)});
  t.print(out);
  for (const std::string& v : s.first_violations) out << "  violation: " << v << '\n';
}

void print_plan(std::ostream& out, const std::string& workload, const dram::DramPreset& preset,
                const workloads::WorkloadPlan& plan) {
  const auto mib = [](std::uint64_t bytes) {
    return count(bytes) + " (" + fixed(double(bytes) / double(1 << 20), 1) + " MiB)";
  };
  TextTable t({"plan", "value"});
  t.add_row({"workload", workload});
  t.add_row({"preset", preset.name});
  t.add_row({"requests", count(plan.requests) + " bursts of " +
                             count(std::uint64_t(preset.org.bytes_per_burst())) + " B"});
  t.add_row({"bytes read", mib(plan.read_bytes)});
  t.add_row({"bytes written", mib(plan.write_bytes)});
  t.add_row({"footprint", mib(plan.footprint) + ", " +
                              share(plan.footprint, preset.capacity_bytes()) + " of the memory"});
  // At the preset's peak: the least time the data could take.
  t.add_row({"at peak bandwidth", fixed(double(plan.read_bytes + plan.write_bytes) /
                                            preset.peak_bandwidth_gbps() / 1000.0, 1) + " us"});
  t.print(out);
}

}  // namespace mckit::sim
