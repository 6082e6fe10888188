#!/usr/bin/env bash
# Yosys synthesis of mc_top with its default parameters; prints the cells and flops of each
# module and fails on an error or an inferred latch. Usage: rtl_synth.sh [OUTPUT_DIR]
set -euo pipefail
rtl="$(cd "$(dirname "$0")/../rtl" && pwd)"
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
cd "$rtl"
# mem2reg turning arrays into registers is expected; it is not worth a warning here.
yosys -q -w "Replacing memory" -l "$out/synth.log" \
  -p "read_verilog -sv $(tr '\n' ' ' < sources.f); synth -top mc_top; tee -q -o $out/synth_stat.txt stat"
awk '
  # "$paramod\NAME\PARAMS" or "$paramod$HASH\NAME": keep NAME.
  /^=== .* ===$/ { module = $2; if (module ~ /^\$paramod/) { sub(/^[^\\]*\\/, "", module); sub(/\\.*/, "", module) } }
  /^=== design hierarchy ===$/ { module = "mc_top (total)" }
  /Number of cells:/ { cells[module] = $4; if (!(module in seen)) { seen[module] = 1; order[++n] = module } }
  /\$_(S?DFF|DFFE|SDFFE|SDFFCE|ALDFF)[A-Z0-9_]*_/ { flops[module] += $2 }
  /\$_DLATCH/ { latches += $2 }
  END {
    printf "%-18s %10s %8s\n", "module", "cells", "flops"
    for (i = 1; i <= n; i++) printf "%-18s %10d %8d\n", order[i], cells[order[i]], flops[order[i]]
    if (latches > 0) { print "synth: " latches " latches inferred"; exit 1 }
  }' "$out/synth_stat.txt"
