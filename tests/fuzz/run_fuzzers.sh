#!/usr/bin/env bash
# `make fuzz`: runs every libFuzzer target of BUILD for SECONDS each, one at a time, and prints
# per target the inputs executed, their rate and the corpus size. An input that crashes, throws
# anything but InputError, trips a sanitizer, runs past TIMEOUT seconds or takes over RSS_MB of
# memory is a finding: it is saved under BUILD/findings/TARGET/ and the run fails.
#   run_fuzzers.sh BUILD SECONDS [TIMEOUT] [RSS_MB]
set -euo pipefail
build=$1 seconds=$2 timeout=${3:-10} rss_mb=${4:-2048}
list=$build/fuzz_targets.txt
[ -s "$list" ] || { echo "run_fuzzers.sh: no $list (configure with -DMCKIT_FUZZ=ON)" >&2; exit 2; }
export UBSAN_OPTIONS=print_stacktrace=1

failed=0
printf '%-18s %12s %8s %8s  %s\n' target executions exec/s corpus result
while read -r name inputs; do
  work=$build/corpus/$name findings=$build/findings/$name log=$build/fuzz_$name.log
  mkdir -p "$work" "$findings"
  # New inputs go to the first folder, the build's own; the seeds in the tree stay as they are.
  # shellcheck disable=SC2086
  if nice -n 10 "$build/tests/fuzz/fuzz_$name" -max_total_time="$seconds" -timeout="$timeout" \
       -rss_limit_mb="$rss_mb" -print_final_stats=1 -artifact_prefix="$findings/" \
       "$work" $inputs >"$log" 2>&1; then
    result=ok
  else
    result="FINDING: $(ls -t "$findings" | head -1) (see $log)"
    failed=1
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  corpus=$(grep -o 'corp: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  printf '%-18s %12s %8s %8s  %s\n' "$name" "${execs:-?}" "${rate:-?}" "${corpus:-?}" "$result"
done <"$list"
exit $failed
