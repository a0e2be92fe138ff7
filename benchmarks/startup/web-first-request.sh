#!/usr/bin/env bash
# A web service's first request through bin/eventide: `bin/eventide examples/demo.java`, unchanged
# source (compile-cache hit), timed by web-first-request.js from the spawn to "listening", to the
# answer of its first request (POST /api/notes) and of a second one, in three configurations,
# interleaved run by run so that the machine's load falls on all three alike:
#
#   no AOT cache     EVENTIDE_AOT=0
#   core-only cache  warm.aot: the cache-hit path without the web layer, which is what the
#                    training made before it covered the web layer (bin/eventide still starts
#                    scripts that do not use dev.eventide.web from it); chosen by writing an
#                    empty hint marker for demo.java
#   web cache        web.aot: bin/eventide's own choice for a script that uses dev.eventide.web
#
# Writes the "web-first-request" section of benchmarks/RESULTS.md.
# usage: benchmarks/startup/web-first-request.sh [runs per configuration, default 10]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=${1:-10}
port=${WEB_BENCH_PORT:-18290}
command -v node >/dev/null || { echo "web-first-request.sh: node drives the requests" >&2; exit 1; }
cd "$root"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# A cache of our own, trained in the foreground (built jars first); one unmeasured run compiles
# the demo and writes its hint.
export EVENTIDE_CACHE_DIR=$out/cache
EVENTIDE_AOT=0 bin/eventide --version >/dev/null
start=$SECONDS
EVENTIDE_AOT=sync bin/eventide --version >/dev/null
training_s=$((SECONDS - start))
node "$here/web-first-request.js" "$root" "$port" >/dev/null
aot_dir=$(dirname "$(find "$out/cache/aot" -name web.aot | head -1)")
marker=$aot_dir/hints/${root//\//%}%examples%demo.java
[ -f "$marker" ] || { echo "no hint marker at $marker" >&2; exit 1; }
sizes=$(cd "$aot_dir" && ls -l full.aot warm.aot web.aot | awk '{printf "%s %.0f MB, ", $9, $5 / 1e6}')

for i in $(seq 1 "$runs"); do
  for config in none core web; do
    case $config in
      none) export EVENTIDE_AOT=0 ;;
      core) unset EVENTIDE_AOT; : > "$marker" ;;
      web) unset EVENTIDE_AOT; echo web > "$marker" ;;
    esac
    node "$here/web-first-request.js" "$root" "$port" >>"$out/$config.jsonl"
    sleep 0.5
  done
  echo "round $i of $runs done" >&2
done
unset EVENTIDE_AOT

node - "$out" "$runs" "$training_s" "$sizes" "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" \
  "JDK ${aot_dir##*/}" >"$out/section.md" <<'JS'
const fs = require('fs');
const [dir, runs, trainingS, sizes, machine, jdk] = process.argv.slice(2);
const read = (c) => fs.readFileSync(`${dir}/${c}.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const fmt = (xs) => `${Math.round(median(xs))} (${Math.round(Math.min(...xs))}-${Math.round(Math.max(...xs))})`;
const names = { none: 'no AOT cache (`EVENTIDE_AOT=0`)', core: 'core-only cache (warm.aot, the training before)', web: 'web cache (web.aot, the training now)' };
const lines = ['## web-first-request', '',
  `Run on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${jdk}; node ${process.version} (the client); ${machine}.`,
  '`bin/eventide examples/demo.java` with its source unchanged (compile-cache hit), spawned by benchmarks/startup/web-first-request.js, which times the "demo listening" line, then the first request (POST /api/notes: json() body, validate() against the JSON Schema, Jackson response, through request id, logger, security headers, compression, rate limit and session middleware) and a second one (GET /api/notes/1), each on a new connection. The three configurations take turns run by run. The blocked-loop watchdog runs at its default 100 ms threshold; The last two columns count the runs in which it printed a BlockedLoopWarning, and how long the loop was held.', '',
  `Milliseconds, median (min-max) of ${runs} runs each; lower is better.`, '',
  '| configuration | spawn to listening | first request | spawn to first response | second request | runs with a BlockedLoopWarning | blocked ms (median of those) |',
  '|---|---:|---:|---:|---:|---:|---:|'];
for (const c of ['none', 'core', 'web']) {
  const r = read(c);
  const warned = r.filter((x) => x.warnings > 0);
  lines.push(`| ${names[c]} | ${fmt(r.map((x) => x.listening))} | ${fmt(r.map((x) => x.firstMs))} | ${fmt(r.map((x) => x.firstResponse))} | ${fmt(r.map((x) => x.secondMs))} | ${warned.length} of ${r.length} | ${warned.length ? Math.round(median(warned.map((x) => Math.max(...x.blockedMs)))) : '-'} |`);
}
lines.push('', `Training (EVENTIDE_AOT=sync, three JVM runs): ${trainingS} s; caches: ${sizes.replace(/, $/, '')}.`,
  'Command: `benchmarks/startup/web-first-request.sh ' + runs + '`. The test that the web classes are in the cache: conformance/src/test/java/dev/eventide/conformance/AotCacheEndToEndTest.java.');
console.log(lines.join('\n'));
JS
cat "$out/section.md"
node benchmarks/lib/section.js benchmarks/RESULTS.md web-first-request "$out/section.md"
