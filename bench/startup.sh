#!/usr/bin/env bash
# One-shot start-up, run on purpose: ./bench/startup.sh [RUNS]
# Times `./pat api sets --json` (the launcher's extracted jar and class-data-sharing archive) against `java -version`
# in the same run, RUNS times each (default 15), and prints both medians and their ratio with the machine.
# The target (issue 14) is a median under 1.5 s on a quiet machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-15}"
export PAT_DB_URL="jdbc:sqlite:$(mktemp -d)/startup.db"
"$root/pat" --version >/dev/null # builds, extracts and records the archive when needed: not timed

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'; }
timed() { # command... -> seconds, one line per run
  for _ in $(seq "$RUNS"); do
    local start end
    start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N)
    echo "$end - $start" | bc -l
  done
}
jvm=$(timed java -version | median)
pat=$(timed "$root/pat" api sets --json | median)
echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g \
  | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "runs: $RUNS each, medians"
echo "java -version:              ${jvm} s"
echo "./pat api sets --json:      ${pat} s"
echo "ratio:                      $(echo "$pat / $jvm" | bc -l | xargs printf '%.1f')x java -version"
awk -v p="$pat" 'BEGIN { if (p < 1.5) print "target (< 1.5 s): met"; else print "target (< 1.5 s): NOT met" }'
