#!/usr/bin/env bash
# Regenerates docs/images/waves.png: the view `mckit run --waves` opens, as GTKWave shows it.
# A short window (cycles 5749..5764) of random runs of 8 bursts over 256 KiB on DDR4-3200 with
# the stream prefetcher, 8 requests in flight, so that ACT, PRE, RD and a prefetch are all
# on screen. GTKWave
# runs under a virtual X server (xvfb-run) in a window taller than the saved one, so that every
# group shows; `import` (ImageMagick) takes the screenshot.
# Usage: docs/waves-screenshot.sh [MCKIT] [OUTPUT.png]   (make waves-screenshot; needs make deps-view)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mckit="$(realpath "${1:-$root/build/sim/mckit}")"
png="$(realpath -m "${2:-$root/docs/images/waves.png}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for tool in xvfb-run gtkwave import; do
  command -v "$tool" >/dev/null || { echo "$0: $tool is missing: run make deps-view" >&2; exit 1; }
done

"$mckit" run --preset ddr4-3200 --backend rtl --workload random --run-length 8 --footprint 256KiB \
  --requests 600 --outstanding 8 --prefetcher stream --waves "$work/waves.fst" \
  --waves-window 5749:5765 >/dev/null
sed 's/^\[size\] .*/[size] 1600 2050/' "$work/waves.gtkw" > "$work/tall.gtkw"

# GTKWave needs a few seconds to come up; the screenshot is of the whole virtual screen.
xvfb-run -a -s "-screen 0 1600x2100x24" bash -c '
  gtkwave "$1" "$2" >/dev/null 2>&1 &
  sleep 8
  import -window root "$3"
  kill $!' _ "$work/waves.fst" "$work/tall.gtkw" "$png"
echo "wrote $png"
