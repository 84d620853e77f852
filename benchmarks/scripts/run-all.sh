#!/usr/bin/env bash
# The whole throughput set in one go, for comparing a release with the last one:
#
#   benchmarks/scripts/run-all.sh [--quick] [--compare benchmarks/results/OLD.txt]
#
# Builds the benchmarks jar, runs every throughput command (AGC task and full example, reader,
# histograms, kinematics, correctionlib, fresh `crema run`), writes everything they print to
# benchmarks/results/<date>-<commit>.txt, and with --compare prints each rate next to the same line
# of an earlier result file with the ratio new/old. Run it on a quiet machine: the file records the
# load average before and after, so a disturbed run can be recognised.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$here"
quick=0
compare=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --compare) compare="$2"; shift ;;
    *) echo "usage: $0 [--quick] [--compare OLD.txt]" >&2; exit 2 ;;
  esac
  shift
done
# the JDK the launcher found (it records it on its first start; the default java may be older than 25)
[ -f cli/target/.crema-java ] || ./crema --version >/dev/null 2>&1 || true
java="$(sed -n 1p cli/target/.crema-java 2>/dev/null || true)"
[ -x "$java" ] || java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
./mvnw -B -q -o package -DskipTests -pl benchmarks -am >/dev/null 2>&1 || ./mvnw -B -q package -DskipTests -pl benchmarks -am
mkdir -p benchmarks/results
result="benchmarks/results/$(date -u +%Y-%m-%d)-$(git rev-parse --short HEAD 2>/dev/null || echo local).txt"
jvm=("$java" -XX:+UseParallelGC -Xmn$((64 * $(nproc)))m --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar)
runs=5; [ $quick = 1 ] && runs=2

{
  echo "# crema benchmarks, commit $(git rev-parse HEAD 2>/dev/null || echo unknown), $(date -u +%FT%TZ)"
  echo "# machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $("$java" -version 2>&1 | head -1)"
  echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "## AGC task (natural API)"
  "${jvm[@]}" org.crema.benchmarks.processor.AgcTaskThroughput --runs $runs 2>&1 | grep -v '^WARNING'
  echo "## AGC full example (JEC, JER, JES)"
  "${jvm[@]}" org.crema.benchmarks.processor.AgcTaskThroughput --processor full --runs $runs 2>&1 | grep -v '^WARNING'
  echo "## reader"
  for f in ../shared/data/bench/big_zstd5.root ../shared/data/bench/big_lzma9.root ../shared/data/bench/ttbar_agc_lzma9.root; do
    [ -f "$f" ] && "${jvm[@]}" org.crema.benchmarks.io.ReadThroughput --iterations $((runs > 3 ? 3 : runs)) "$f" 2>&1 | grep -v '^WARNING'
  done
  echo "## histograms"
  "${jvm[@]}" -Dcrema.simd.warmup=false org.crema.benchmarks.hist.HistThroughput $((runs * 3)) 2>&1 | grep -v '^WARNING'
  echo "## kinematics"
  "${jvm[@]}" -Dcrema.simd.warmup=false org.crema.benchmarks.columnar.KinematicsThroughput $((runs * 3)) 2>&1 | grep -v '^WARNING'
  echo "## correctionlib"
  "${jvm[@]}" org.crema.benchmarks.correctionlib.CorrectionlibThroughput $((runs * 4)) 2>&1 | grep -v '^WARNING'
  echo "## fresh crema run"
  benchmarks/scripts/cold-start.sh $((runs > 3 ? 3 : runs)) 2>&1
  echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$result"
echo "written $result"

if [ -n "$compare" ]; then
  echo
  echo "new/old for every line with a rate (first number followed by a unit per second):"
  # key = the section ("## …") and the line with its numbers removed, so that lines of the same shape
  # in different sections (the AGC task's and the full example's) are told apart; value = the first rate
  rates() { awk '/^## / { section = substr($0, 4); next }
    /[0-9.]+ *(events\/s|M\/s|MB\/s)/ {
      # small integers stay in the key (workers=2, 2 threads, 2d); measured values and sizes do not
      key = $0; gsub(/[0-9]*\.[0-9]+|[0-9][0-9][0-9]+|[0-9]+ *(MiB|MB|ms)/, "#", key); key = section ": " key;
      if (match($0, /[0-9][0-9.]* *(events\/s|M\/s|MB\/s)/)) { v = substr($0, RSTART, RLENGTH); sub(/ .*/, "", v); print key "\t" v }
    }' "$1"; }
  join -t $'\t' <(rates "$compare" | sort -t $'\t' -k1,1) <(rates "$result" | sort -t $'\t' -k1,1) \
    | awk -F '\t' '{ printf "%6.2fx  %12s -> %-12s %s\n", ($2 > 0 ? $3 / $2 : 0), $2, $3, $1 }'
fi
