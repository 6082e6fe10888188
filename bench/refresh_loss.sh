#!/bin/sh
# Bandwidth lost to refresh: every shipped preset on sequential and random reads, each run
# with its refresh (the default all-bank REF, postponed while the rank is busy) and again with
# --no-refresh (the device then reports the missed deadline, which is the point). Through
# `mckit run --backend tlm` (the C++ reference controller, which gives the RTL's figures cycle
# for cycle); REQUESTS bursts a run (default 1000000: several hundred tREFI on every preset, so
# that the up to 8 refreshes still owed at the end weigh little).
# Prints a Markdown table.
# Usage: bench/refresh_loss.sh MCKIT [REQUESTS]
set -eu

mckit=$1
requests=${2:-1000000}

# The run's bandwidth in GB/s, its refresh count and its cycles, from its table.
measure() {
  # shellcheck disable=SC2086 # $3 is zero or one word
  "$mckit" run --backend tlm --preset "$1" --workload "$2" --read-fraction 1 \
    --requests "$requests" $3 |
    awk '/^bandwidth /      { gbps = $2 }
         /^refreshes /      { refs = $2 }
         /^simulated time / { cycles = $5; sub(/[(]/, "", cycles) }
         END                { print gbps, refs, cycles }'
}

echo "| preset | reads | GB/s with refresh | GB/s without | lost | REF issued | cycles simulated per REF |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
for preset in ddr3-1600k ddr4-3200 ddr5-4800 lpddr5-6400 hbm2 hbm3; do
  for workload in sequential random; do
    with=$(measure "$preset" "$workload" "")
    without=$(measure "$preset" "$workload" --no-refresh)
    echo "$preset $workload $with $without" |
      awk '{ lost = 100 * (1 - $3 / $6)
             printf "| %s | %s | %.2f | %.2f | %.2f %% | %d | %d |\n", $1, $2, $3, $6, lost, $4,
                    ($4 > 0 ? $5 / $4 : 0) }'
  done
done
