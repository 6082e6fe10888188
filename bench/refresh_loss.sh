#!/bin/sh
# Bandwidth lost to refresh: every shipped preset on sequential and random reads, with each
# refresh kind its standard has (all-bank; per-bank on LPDDR5, HBM2, HBM3; same-bank on DDR5),
# against the same run with --no-refresh (the device then reports the missed deadline, which
# is the point). Through `mckit run --backend tlm` (the C++ reference controller, which gives
# the RTL's figures cycle for cycle); REQUESTS bursts a run (default 1000000: several hundred
# tREFI on every preset, so that the refreshes still owed at the end weigh little).
# Prints a Markdown table.
# Usage: bench/refresh_loss.sh MCKIT [REQUESTS]
set -eu

mckit=$1
requests=${2:-1000000}

# The run's bandwidth in GB/s, its refresh commands and the device's violations.
measure() {
  # shellcheck disable=SC2086 # $3 is options, zero or more words
  "$mckit" run --backend tlm --preset "$1" --workload "$2" --read-fraction 1 \
    --requests "$requests" $3 |
    awk '/^bandwidth /         { gbps = $2 }
         /^refreshes /         { refs = $2 }
         /^timing violations / { bad = $3 }
         END                   { print gbps, refs, bad }'
}

echo "| preset | reads | refresh | GB/s | GB/s without refresh | lost | refresh commands | violations |"
echo "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |"
for preset in ddr3-1600k ddr4-3200 ddr5-4800 lpddr5-6400 hbm2 hbm3; do
  case $preset in
    ddr5-*) kinds="all-bank same-bank" ;;
    lpddr5-* | hbm*) kinds="all-bank per-bank" ;;
    *) kinds="all-bank" ;;
  esac
  for workload in sequential random; do
    without=$(measure "$preset" "$workload" --no-refresh)
    for kind in $kinds; do
      with=$(measure "$preset" "$workload" "--refresh $kind")
      echo "$preset $workload $kind $with $without" |
        awk '{ printf "| %s | %s | %s | %.2f | %.2f | %.2f %% | %d | %d |\n",
                      $1, $2, $3, $4, $7, 100 * (1 - $4 / $7), $5, $6 }'
    done
  done
done
