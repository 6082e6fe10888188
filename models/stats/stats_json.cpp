#include "stats/stats_json.h"

#include <cstddef>
#include <string>

namespace mckit::stats {

namespace json = boost::json;

namespace {

json::object latency_json(const LatencyStats& l, double tck_ns) {
  json::object cycles{{"min", l.min()},
                      {"mean", l.mean()},
                      {"p50", l.percentile(0.50)},
                      {"p90", l.percentile(0.90)},
                      {"p99", l.percentile(0.99)},
                      {"max", l.max()}};
  json::object ns;
  for (const auto& kv : cycles) ns[kv.key()] = kv.value().to_number<double>() * tck_ns;
  json::array histogram;
  for (const auto& [latency, reads] : l.histogram())
    histogram.push_back(json::array{latency, reads});
  json::object o;
  o["count"] = l.count();
  o["cycles"] = std::move(cycles);
  o["ns"] = std::move(ns);
  o["histogram"] = std::move(histogram);
  return o;
}

json::object bandwidth_series_json(const BandwidthSeries& b, double tck_ns) {
  json::array windows;
  for (const BandwidthSeries::Window& w : b.windows()) {
    const double ns = double(w.cycles) * tck_ns;
    windows.push_back(json::array{w.start_cycle, w.cycles, w.read_bytes, w.write_bytes,
                                  ns > 0 ? double(w.read_bytes + w.write_bytes) / ns : 0.0});
  }
  return json::object{{"window_cycles", b.window_cycles()}, {"windows", std::move(windows)}};
}

json::object prefetch_json(const RunStats& s, const std::optional<RunFigures>& baseline) {
  const PrefetchStats& p = s.prefetch;
  json::object o{{"issued", p.issued},
                 {"useful", p.useful},
                 {"late", p.late},
                 {"evicted_unused", p.evicted_unused},
                 {"activates", p.activates},
                 {"demand_dram_reads", p.demand_dram_reads},
                 {"accuracy", p.accuracy()},
                 {"coverage", p.coverage()},
                 {"extra_bytes", s.prefetch_extra_bytes()},
                 {"extra_percent", s.prefetch_extra_percent()}};
  if (!baseline) return o;
  const RunFigures& b = *baseline;
  const RunFigures now = figures_of(s);
  const Change mean = change(b.mean_read_latency_ns, now.mean_read_latency_ns);
  const Change p99 = change(b.p99_read_latency_ns, now.p99_read_latency_ns);
  const Change bandwidth = change(b.bandwidth_gbps, now.bandwidth_gbps);
  o["baseline"] = json::object{{"bandwidth_gbps", b.bandwidth_gbps},
                               {"mean_read_latency_ns", b.mean_read_latency_ns},
                               {"p99_read_latency_ns", b.p99_read_latency_ns},
                               {"cycles", b.cycles},
                               {"clean", b.clean}};
  o["delta"] = json::object{{"mean_read_latency_ns", mean.by},
                            {"p99_read_latency_ns", p99.by},
                            {"bandwidth_gbps", bandwidth.by},
                            {"mean_read_latency_percent", mean.percent},
                            {"p99_read_latency_percent", p99.percent},
                            {"bandwidth_percent", bandwidth.percent}};
  return o;
}

}  // namespace

RunFigures figures_of(const RunStats& s) {
  return RunFigures{s.bandwidth_gbps(), s.read_latency.mean() * s.tck_ns,
                    double(s.read_latency.percentile(0.99)) * s.tck_ns, s.cycles, s.clean()};
}

Change change(double from, double to) {
  return Change{to - from, from != 0 ? 100.0 * (to - from) / from : 0.0};
}

json::object to_json(const RunStats& s, const RunInfo& info) {
  json::object out;

  json::object run{{"workload", info.workload},
                   {"preset", info.preset},
                   {"backend", info.backend},
                   {"policy", info.policy},
                   {"parameters", info.parameters}};
  out["run"] = std::move(run);

  out["requests"] = json::object{{"total", s.requests()},
                                 {"reads", s.reads},
                                 {"writes", s.writes},
                                 {"forwarded_reads", s.forwarded_reads}};

  out["bandwidth"] = json::object{{"bytes", s.bytes},
                                  {"cycles", s.cycles},
                                  {"tck_ns", s.tck_ns},
                                  {"seconds", s.seconds()},
                                  {"gbps", s.bandwidth_gbps()},
                                  {"percent_of_peak", s.percent_of_peak()},
                                  {"peak_gbps", s.peak_gbps}};

  out["bandwidth_over_time"] = bandwidth_series_json(s.bandwidth_series, s.tck_ns);

  out["read_latency"] = latency_json(s.read_latency, s.tck_ns);

  out["rows"] = json::object{
      {"hits", s.row_hits}, {"misses", s.row_misses}, {"conflicts", s.row_conflicts}};

  json::object commands;
  for (int c = 0; c < dram::kCommandCount; ++c)
    commands[dram::command_name(dram::Command(c))] = s.commands[std::size_t(c)];
  out["commands"] = std::move(commands);

  out["refresh"] = json::object{{"count", s.refreshes()},
                                {"postponed", s.refreshes_postponed},
                                {"max_owed", s.max_refresh_owed}};

  const dram::EnergyReport& e = s.energy;
  out["energy"] = json::object{{"act_pj", e.act},
                               {"pre_pj", e.pre},
                               {"rd_pj", e.rd},
                               {"wr_pj", e.wr},
                               {"ref_pj", e.ref},
                               {"background_active_pj", e.background_active},
                               {"background_precharged_pj", e.background_precharged},
                               {"total_pj", e.total()},
                               {"bits", e.bits},
                               {"pj_per_bit", e.pj_per_bit()}};

  json::array first;
  for (const std::string& v : s.first_violations) first.push_back(json::string(v));
  out["checks"] = json::object{{"violations", s.violations},
                               {"first_violations", std::move(first)},
                               {"data_mismatches", s.data_mismatches},
                               {"unanswered", s.unanswered},
                               {"clean", s.clean()}};

  out["prefetch"] = prefetch_json(s, info.baseline);

  out["wall_seconds"] = s.wall_seconds;
  return out;
}

}  // namespace mckit::stats
