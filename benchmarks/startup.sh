#!/usr/bin/env bash
# Start-up of `bin/eventide examples/hello.java` against `node examples/hello.js` (the same work),
# warm (unchanged source: compile cache hit) and cold (source changed
# before every run: in-memory compile). Results go to benchmarks/out/startup-*.md; copy the
# numbers into benchmarks/RESULTS.md under "## Start-up".
#
# Usage: benchmarks/startup.sh [runs]      (default 30 warm runs, 15 cold runs)
set -euo pipefail
root=$(cd -P -- "$(dirname -- "$0")/.." && pwd)
runs=${1:-30}
cold_runs=$(( runs / 2 ))

if ! command -v hyperfine >/dev/null; then
  # Debian's package; this machine is root (use sudo elsewhere).
  apt-get update -qq && apt-get install -y -qq hyperfine
fi
command -v node >/dev/null || { echo "startup.sh: node is needed as the peer" >&2; exit 1; }

out=$root/benchmarks/out
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A cache of our own, so that the numbers include nothing left by other runs; the first call
# builds the jars if needed and the JVM's AOT caches in the foreground.
export EVENTIDE_CACHE_DIR=$work/cache
EVENTIDE_AOT=sync "$root/bin/eventide" "$root/examples/hello.java" >/dev/null
cp "$root/examples/hello.java" "$work/cold.java"
cp "$root/examples/hello.java" "$work/noaot.java"

echo "== warm: unchanged source (compile-cache hit, warm AOT cache)"
hyperfine -N --warmup 5 --runs "$runs" --export-markdown "$out/startup-warm.md" \
  "node $root/examples/hello.js" \
  "$root/bin/eventide $root/examples/hello.java"

echo "== cold: source changed before each run (in-memory javac, full AOT cache)"
hyperfine -N --warmup 1 --runs "$cold_runs" --export-markdown "$out/startup-cold.md" \
  --prepare "sh -c 'echo // \$(date +%s%N) >> $work/cold.java'" \
  "$root/bin/eventide $work/cold.java"

echo "== without the AOT cache (EVENTIDE_AOT=0), for comparison"
EVENTIDE_AOT=0 hyperfine -N --warmup 3 --runs "$cold_runs" --export-markdown "$out/startup-noaot.md" \
  "$root/bin/eventide $root/examples/hello.java"
EVENTIDE_AOT=0 hyperfine -N --warmup 1 --runs "$cold_runs" --export-markdown "$out/startup-noaot-cold.md" \
  --prepare "sh -c 'echo // \$(date +%s%N) >> $work/noaot.java'" \
  "$root/bin/eventide $work/noaot.java"
