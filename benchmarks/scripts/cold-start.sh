#!/usr/bin/env bash
# Wall time of a fresh `crema run`, from command start to results written, as an analyst sees it
# after each edit: JVM start, start-up cache, planning, reading, processing, writing the result set.
#
#   benchmarks/scripts/cold-start.sh [RUNS] [-- extra crema run arguments]
#
# Defaults to the AGC task (org.crema.examples.AgcTaskProcessor) on the 50 000-event LZMA-9 tt̄
# file (data/filesets/ttbar-bench.json, which points into ../shared). Prints each run and the median.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$here"
runs="${1:-5}"
shift || true
[ "${1:-}" = "--" ] && shift
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(--processor org.crema.examples.AgcTaskProcessor --fileset data/filesets/ttbar-bench.json)
if [ ! -f ../shared/data/bench/ttbar_agc_lzma9.root ]; then
  echo "skipped: ../shared/data/bench/ttbar_agc_lzma9.root is absent"
  exit 0
fi
./crema --version >/dev/null   # builds what is missing and records the start-up cache, untimed
./crema run "${args[@]}" --output "$(mktemp -d)/warm" >/dev/null 2>&1 || true   # the cache is recorded on first compute
out="$(mktemp -d)"
times=()
for r in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  ./crema run "${args[@]}" --output "$out/run$r" >/dev/null 2>"$out/err$r" || { cat "$out/err$r" >&2; exit 1; }
  end=$(date +%s.%N)
  t=$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}')
  times+=("$t")
  printf 'run %d: %.2f s\n' "$r" "$t"
done
median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
printf 'fresh crema run %s: median %.2f s over %d runs (load average %s)\n' "${args[*]}" "$median" "$runs" \
  "$(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$out"
