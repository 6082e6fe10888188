#!/usr/bin/env bash
# verilator --lint-only -Wall over the RTL (rtl/sources.f), with the waivers of rtl/lint.vlt.
set -euo pipefail
cd "$(dirname "$0")/../rtl"
verilator --lint-only -Wall --top-module mc_top lint.vlt $(cat sources.f)
echo "lint: mc_top and its parts are clean under verilator -Wall"
