#!/usr/bin/env bash
# events and streams: EventEmitter.emit with 1 and 3 listeners (emits/s) and a
# Readable -> Transform -> Writable pipeline moving 1 GiB in 64 KiB chunks (MB/s), Eventide (JMH:
# EventsBenchmark, StreamBenchmark) against node (benchmarks/node/events.js, stream.js), one
# after the other on the same pinned core. Writes the "events-streams" section of
# benchmarks/RESULTS.md.
# usage: benchmarks/streams.sh [quick]     (quick: short warm-up and measurement, a smoke run)
# EVENTIDE_TARGET=target-NAME builds into that folder (parallel builds in one tree).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cpu=${BENCH_CPU:-1}
mode=${1:-full}
target=${EVENTIDE_TARGET:-target}
cd "$root"
./mvnw -q -Dmaven.test.skip=true -Deventide.target="$target" -pl benchmarks -am package
java_home=$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)
java=${JAVA25:-$java_home/bin/java}
cp="benchmarks/$target/eventide-benchmarks-0.1.0-SNAPSHOT.jar:$(ls benchmarks/"$target"/lib/*.jar | tr '\n' ':')"
out=$(mktemp -d)
if [ "$mode" = quick ]; then jmh_args=(-wi 2 -w 1 -i 3 -r 2); wms=2000; mms=6000; else jmh_args=(); wms=6000; mms=10000; fi
jmh_cmd="taskset -c $cpu $java -cp <benchmarks jars> org.openjdk.jmh.Main 'EventsBenchmark|StreamBenchmark' ${jmh_args[*]:-} -rf json"
taskset -c "$cpu" "$java" -cp "$cp" org.openjdk.jmh.Main 'EventsBenchmark|StreamBenchmark' "${jmh_args[@]}" \
  -rf json -rff "$out/jmh.json" >"$out/jmh.log"
node_cmd="WARMUP_MS=$wms MEASURE_MS=$mms taskset -c $cpu node benchmarks/node/events.js; (same) benchmarks/node/stream.js"
WARMUP_MS=$wms MEASURE_MS=$mms taskset -c "$cpu" node benchmarks/node/events.js >"$out/node.jsonl"
WARMUP_MS=$wms MEASURE_MS=$mms taskset -c "$cpu" node benchmarks/node/stream.js >>"$out/node.jsonl"
node - "$out/jmh.json" "$out/node.jsonl" "$jmh_cmd" "$node_cmd" "$(node --version)" "$($java -version 2>&1 | head -1)" \
  "$mode" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" >"$out/section.md" <<'JS'
const fs = require('fs');
const [jmhFile, nodeFile, jmhCmd, nodeCmd, nodeVersion, javaVersion, mode, cores, load] = process.argv.slice(2);
const jmh = JSON.parse(fs.readFileSync(jmhFile, 'utf8'));
const ours = Object.fromEntries(jmh.map((r) => [r.benchmark.split('.').pop(), r.primaryMetric.score]));
const theirs = Object.fromEntries(fs.readFileSync(nodeFile, 'utf8').trim().split('\n')
  .map((l) => JSON.parse(l)).map((r) => [r.benchmark, r.opsPerSec]));
const rows = [
  ['EventEmitter emit, 1 listener', 'emitOneListener', 'emits/s', 1, 0],
  ['EventEmitter emit, 3 listeners', 'emitThreeListeners', 'emits/s', 1, 0],
  ['pipeline Readable -> Transform -> Writable, 1 GiB in 64 KiB chunks', 'pipelineOneGiB', 'MB/s', 2 ** 30 / 1e6, 0],
];
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const lines = ['## events and streams (issue 3)', '',
  `Run on ${new Date().toISOString().slice(0, 10)} (${mode} mode; ${cores} cores, load ${load}); ${javaVersion}; node ${nodeVersion}.`,
  'Both pinned to one core. emit("event", 1), each listener adding its argument to a counter. The pipeline',
  'pushes one preallocated 64 KiB buffer per _read through a pass-through transform into a writable that',
  'counts bytes; highWaterMark 64 KiB on every stream on both sides (node 20\'s default is 16 KiB). No byte',
  'is copied, so MB/s (10^6 bytes/s) measures the per-chunk cost of the stream machinery: 16,384 chunks a run.',
  'Higher is better.', '',
  '| workload | unit | Eventide | node | Eventide/node |', '|---|---|---:|---:|---:|'];
for (const [label, key, unit, scale] of rows) {
  const a = ours[key] * scale; const b = theirs[key] * scale;
  lines.push(`| ${label} | ${unit} | ${ours[key] ? fmt(a) : 'n/a'} | ${theirs[key] ? fmt(b) : 'n/a'} | ${ours[key] && theirs[key] ? (a / b).toFixed(2) : 'n/a'} |`);
}
lines.push('', 'Commands (benchmarks/streams.sh' + (mode === 'quick' ? ' quick' : '') + '):', '', '```', jmhCmd, nodeCmd, '```');
console.log(lines.join('\n'));
JS
node benchmarks/lib/section.js benchmarks/RESULTS.md events-streams "$out/section.md"
cat "$out/section.md"
