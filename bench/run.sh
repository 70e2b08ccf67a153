#!/usr/bin/env bash
# Pexper's benchmarks (issue 2, section 6). Prints each figure with its target and the ratio.
#   bench/run.sh            engine benchmark, stream parsing, AI streaming and concurrency, start-up time
# Builds the product first if needed (through ./pexper). Takes about a minute.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
product=$root/releng/com.pexper.repository/target/products/com.pexper.product/linux/gtk/x86_64/pexper
# shellcheck source=../releng/bin/jdk.sh
. "$root/releng/bin/jdk.sh"
JAVA_HOME=$(pick_jdk)

home=$(mktemp -d "${TMPDIR:-/tmp}/pexper-bench.XXXXXX")
trap 'rm -rf "$home"' EXIT
export PEXPER_HOME=$home
"$root/pexper" help >/dev/null # builds the product when it is missing or stale

echo "== Engine (in-process, the product's jars on a plain classpath) =="
"$JAVA_HOME/bin/java" -cp "$product/plugins/*" "$root/bench/EngineBench.java"

echo
echo "== Parsing recorded AI response streams, one thread (the product's jars) =="
"$JAVA_HOME/bin/java" -cp "$product/plugins/*" "$root/bench/StreamParsingBench.java"

echo
"$JAVA_HOME/bin/java" -cp "$product/plugins/*" "$root/bench/AiBench.java"

runs=21
median_ms() { # command... -> median wall time in ms of $runs runs, output discarded
  local times=() i start
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    times+=($((($(date +%s%N) - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$((runs / 2 + 1))p"
}
ratio() { awk -v v="$1" -v t="$2" 'BEGIN { printf "%.2f", v / t }'; }

echo
echo "== Start-up: ./pexper run examples/hello.pexper, from process start to exit (median of $runs) =="
start=$(date +%s%N)
"$root/pexper" run "$root/examples/hello.pexper" >/dev/null 2>&1
first=$((($(date +%s%N) - start) / 1000000))
cached=$(median_ms "$root/pexper" run "$root/examples/hello.pexper")
uncached=$(median_ms "$root/pexper" run "$root/examples/hello.pexper" --no-cache)
printf '%-60s %8s %10s %7s\n' "measurement" "value" "target" "ratio"
printf '%-60s %5d ms %10s %7s\n' "first use with an empty PEXPER_HOME (sets up runtime state)" "$first" "" ""
printf '%-60s %5d ms %10s %7s\n' "run (results reused from the cache)" "$cached" "<= 1500 ms" "$(ratio "$cached" 1500)"
printf '%-60s %5d ms %10s %7s\n' "run --no-cache (every node executes)" "$uncached" "<= 1500 ms" "$(ratio "$uncached" 1500)"
