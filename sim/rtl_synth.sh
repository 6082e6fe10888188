#!/usr/bin/env bash
# Yosys synthesis with default parameters of mc_top (its prefetcher included, rtl/sources.f),
# then of each prefetch block as its own top (rtl/pf_sources.f and its file); prints the cells
# and flops of each module and fails on an error or an inferred latch.
# Usage: rtl_synth.sh [OUTPUT_DIR]
set -euo pipefail
rtl="$(cd "$(dirname "$0")/../rtl" && pwd)"
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"  # the script works from rtl/: a relative path would point there
# The configuration code of models/ctrl/controller_fields.json, which mc_pkg and mc_top include.
python3 "$rtl/../cmake/generate_fields.py" "$rtl/../models/ctrl/controller_fields.json" \
  "$out/generated"
cd "$rtl"

# synth TOP LOG_NAME FILES...: synthesizes TOP, writes $out/LOG_NAME.log and _stat.txt, prints
# its table.
synth() {
  local top="$1" name="$2"
  shift 2
  # mem2reg turning arrays into registers is expected; it is not worth a warning here.
  # read_verilog defines SYNTHESIS: the MC_ASSERT checks of rtl/mc_assert.svh vanish, the
  # parameter checks (MC_ASSERT_PARAM) stay.
  yosys -q -w "Replacing memory" -l "$out/$name.log" \
    -p "read_verilog -sv -I$rtl -I$out/generated/sv $*; synth -top $top; tee -q -o $out/${name}_stat.txt stat"
  awk -v top="$top" '
    # "$paramod\NAME\PARAMS" or "$paramod$HASH\NAME": keep NAME.
    /^=== .* ===$/ { module = $2; if (module ~ /^\$paramod/) { sub(/^[^\\]*\\/, "", module); sub(/\\.*/, "", module) } }
    /^=== design hierarchy ===$/ { module = top " (total)" }
    /Number of cells:/ { cells[module] = $4; if (!(module in seen)) { seen[module] = 1; order[++n] = module } }
    /\$_(S?DFF|DFFE|SDFFE|SDFFCE|ALDFF)[A-Z0-9_]*_/ { flops[module] += $2 }
    /\$_DLATCH/ { latches += $2 }
    END {
      printf "%-18s %10s %8s\n", "module", "cells", "flops"
      for (i = 1; i <= n; i++) printf "%-18s %10d %8d\n", order[i], cells[order[i]], flops[order[i]]
      if (latches > 0) { print "synth: " latches " latches inferred in " top; exit 1 }
    }' "$out/${name}_stat.txt"
}

synth mc_top synth $(cat sources.f)
for top in pf_stride pf_stream pf_nextline pf_buffer; do
  echo
  synth "$top" "synth_$top" $(cat pf_sources.f) "$top.sv"
done
