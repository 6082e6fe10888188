#!/bin/sh
# Both controller backends through `mckit run` (the SystemC top) on 1 M random and 1 M
# sequential requests, DDR4-3200: requests per second and peak memory (RSS, from
# /usr/bin/time), one process per run. Usage: bench/bench_run.sh MCKIT [REQUESTS]
set -eu
mckit=$1
requests=${2:-1000000}
out=$(mktemp)
trap 'rm -f "$out"' EXIT

echo "== mckit run: both backends, $requests requests, DDR4-3200, frfcfs-cap, open page =="
printf '  %-8s %-11s %12s %10s %14s %12s\n' backend workload cycles "wall s" "requests/s" "peak RSS"
for workload in random sequential; do
  for backend in rtl tlm; do
    /usr/bin/time -f '%M' -o "$out.rss" "$mckit" run --preset ddr4-3200 --backend "$backend" \
      --scheduler frfcfs-cap --workload "$workload" --requests "$requests" --read-fraction 0.8 \
      --seed 1 --stats "$out.json" > "$out"
    python3 - "$out.json" "$out.rss" "$backend" "$workload" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
rss_mib = int(open(sys.argv[2]).read().split()[-1]) / 1024
req = s["requests"]["total"]
wall = s["wall_seconds"]
print(f"  {sys.argv[3]:<8} {sys.argv[4]:<11} {s['bandwidth']['cycles']:>12,} {wall:>10.2f} "
      f"{req / wall:>14,.0f} {rss_mib:>8.1f} MiB")
PY
  done
done
rm -f "$out.json" "$out.rss"
