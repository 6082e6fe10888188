#!/usr/bin/env bash
# verilator --lint-only -Wall over the RTL, with the waivers of rtl/lint.vlt: mc_top with its
# parts (rtl/sources.f, the prefetcher included), then each prefetch block as its own top
# (rtl/pf_sources.f and its file).
# Assertions (rtl/mc_assert.svh, found through -I.) are linted with the code they check; the
# configuration code generated from models/ctrl/controller_fields.json is generated here first.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
generated="$(mktemp -d)"
trap 'rm -rf "$generated"' EXIT
python3 "$root/cmake/generate_fields.py" "$root/models/ctrl/controller_fields.json" "$generated"
cd "$root/rtl"
inc="-I. -I$generated/sv"
verilator --lint-only -Wall $inc --top-module mc_top lint.vlt $(cat sources.f)
echo "lint: mc_top and its parts are clean under verilator -Wall"
for top in pf_stride pf_stream pf_nextline pf_buffer; do
  verilator --lint-only -Wall $inc --top-module "$top" lint.vlt $(cat pf_sources.f) "$top.sv"
done
echo "lint: pf_stride, pf_stream, pf_nextline and pf_buffer are clean under verilator -Wall"
