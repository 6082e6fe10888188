#!/bin/sh
# The prefetchers on the AI workloads: every AI workload x prefetcher on DDR4-3200 and HBM2,
# through `mckit run --backend tlm` (the C++ reference controller, which gives the RTL's
# figures cycle for cycle) with OUTSTANDING reads in flight at most (default 8: a requester
# whose latency bounds it). Each run also runs without its prefetcher, for the changes.
# Prints a Markdown table (docs/prefetchers.md holds its output); runs two at a time.
# Usage: bench/prefetch_eval.sh MCKIT [OUTSTANDING]
set -eu

# One run, as the jobs below call it: --job MCKIT OUTSTANDING DIR "N|NAME|PRESET|PREFETCHER|OPTIONS".
if [ "${1:-}" = --job ]; then
  mckit=$2 outstanding=$3 dir=$4
  IFS='|' read -r n name preset prefetcher options <<J
$5
J
  echo "prefetch_eval: $name on $preset with $prefetcher" >&2
  # shellcheck disable=SC2086 # the options are words
  exec "$mckit" run --backend tlm --preset "$preset" --outstanding "$outstanding" \
    --prefetcher "$prefetcher" --workload $options > "$dir/$n.out"
fi

mckit=$1
outstanding=${2:-8}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# One line per workload: its name in the table, then its options.
cat > "$dir/workloads" <<'W'
llm-decode|llm-decode --model llama2-7b --batch 1 --context 256 --tokens 1 --layers 1 --dtype int4
llm-prefill|llm-prefill --model llama2-7b --seq 32 --layers 1 --dtype int8 --tile 128 --buffer 262144
attention|attention --model llama2-7b --seq 512 --causal
embedding|embedding --model dlrm-benchmark --samples 1000 --dtype int4
moe|moe --model olmoe-1b-7b --batch 1 --tokens 1 --layers 1 --dtype int4
W

n=0
: > "$dir/jobs"
while IFS='|' read -r name options; do
  for preset in ddr4-3200 hbm2; do
    for prefetcher in nextline stream stride; do
      n=$((n + 1))
      echo "$n|$name|$preset|$prefetcher|$options" >> "$dir/jobs"
    done
  done
done < "$dir/workloads"

# Each job writes its table to $dir/N.out; a failed run fails the whole.
tr '\n' '\0' < "$dir/jobs" | xargs -0 -P 2 -n 1 "$0" --job "$mckit" "$outstanding" "$dir"

echo "| workload | preset | prefetcher | issued | accuracy | coverage | late | extra DRAM traffic | Δ mean read latency | Δ p99 read latency | Δ bandwidth |"
echo "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
while IFS='|' read -r n name preset prefetcher options; do
  awk -v name="$name" -v preset="$preset" -v pf="$prefetcher" '
    # The value of a row: what follows its label.
    function value(line, label) { sub("^" label " +", "", line); return line }
    /^prefetches issued /         { issued = value($0, "prefetches issued") }
    /^prefetches useful /         { useful = value($0, "prefetches useful") }
    /^prefetches late /           { late = value($0, "prefetches late") }
    /^prefetch accuracy /         { acc = value($0, "prefetch accuracy"); sub(/ of issued/, "", acc) }
    /^prefetch coverage /         { cov = value($0, "prefetch coverage"); sub(/ of demand reads/, "", cov) }
    /^extra DRAM traffic /        { extra = value($0, "extra DRAM traffic"); sub(/ of the bursts/, "", extra) }
    /^read latency mean change /  { dmean = value($0, "read latency mean change") }
    /^read latency p99 change /   { dp99 = value($0, "read latency p99 change") }
    /^bandwidth change /          { dbw = value($0, "bandwidth change") }
    END {
      late_share = useful > 0 ? sprintf(" (%.0f %% of useful)", 100 * late / useful) : ""
      printf "| %s | %s | %s | %s | %s | %s | %s%s | %s | %s | %s | %s |\n",
             name, preset, pf, issued, acc, cov, late, late_share, extra, dmean, dp99, dbw
    }' "$dir/$n.out"
done < "$dir/jobs"
