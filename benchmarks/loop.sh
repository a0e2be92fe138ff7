#!/usr/bin/env bash
# Event-loop micro benchmarks: Eventide (JMH) against node running the same workloads, one after
# the other on the same pinned core. Writes the "loop" section of benchmarks/RESULTS.md.
# usage: benchmarks/loop.sh [quick]     (quick: shorter warm-up and measurement, for a smoke run)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cpu=${BENCH_CPU:-1}
mode=${1:-full}
cd "$root"
./mvnw -q -Dmaven.test.skip=true -pl benchmarks -am package
java_home=$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)
java=${JAVA25:-$java_home/bin/java}
cp="benchmarks/target/eventide-benchmarks-0.1.0-SNAPSHOT.jar:$(ls benchmarks/target/lib/*.jar | tr '\n' ':')"
out=$(mktemp -d)
if [ "$mode" = quick ]; then jmh_args=(-wi 1 -w 1 -i 2 -r 1); wms=1000; mms=2000; else jmh_args=(); wms=6000; mms=10000; fi
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
jmh_cmd="taskset -c $cpu $java -cp <benchmarks jars> org.openjdk.jmh.Main LoopBenchmark ${jmh_args[*]:-} -rf json"
taskset -c "$cpu" "$java" -cp "$cp" org.openjdk.jmh.Main LoopBenchmark "${jmh_args[@]}" -rf json -rff "$out/jmh.json" >"$out/jmh.log"
node_cmd="WARMUP_MS=$wms MEASURE_MS=$mms taskset -c $cpu node benchmarks/node/loop.js"
WARMUP_MS=$wms MEASURE_MS=$mms taskset -c "$cpu" node benchmarks/node/loop.js >"$out/node.jsonl"
load="$load_before at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
node - "$out/jmh.json" "$out/node.jsonl" "$jmh_cmd" "$node_cmd" "$(node --version)" "$($java -version 2>&1 | head -1)" "$load" >"$out/section.md" <<'JS'
const fs = require('fs');
const [jmhFile, nodeFile, jmhCmd, nodeCmd, nodeVersion, javaVersion, load] = process.argv.slice(2);
const jmh = JSON.parse(fs.readFileSync(jmhFile, 'utf8'));
const ours = Object.fromEntries(jmh.map((r) => [r.benchmark.split('.').pop(), r.primaryMetric.score]));
const theirs = Object.fromEntries(fs.readFileSync(nodeFile, 'utf8').trim().split('\n')
  .map((l) => JSON.parse(l)).map((r) => [r.benchmark, r.opsPerSec]));
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const lines = ['## Event loop (issue 2)', '',
  `Run on ${new Date().toISOString().slice(0, 10)}; ${javaVersion}; node ${nodeVersion}; 2 cores, load average ${load}.`,
  'Each side runs alone, one after the other, pinned to the same core; callbacks per second (higher is better).',
  'Other work on this shared machine moves the absolute numbers between runs, so read the ratios, and rerun to compare.', '',
  '| workload | Eventide | node | Eventide/node |', '|---|---:|---:|---:|'];
for (const name of Object.keys(theirs)) {
  const a = ours[name]; const b = theirs[name];
  lines.push(`| ${name} | ${a ? fmt(a) : 'n/a'} | ${fmt(b)} | ${a ? (a / b).toFixed(2) : 'n/a'} |`);
}
lines.push('', 'Commands:', '', '```', jmhCmd, nodeCmd, '```');
console.log(lines.join('\n'));
JS
node benchmarks/lib/section.js benchmarks/RESULTS.md loop "$out/section.md"
cat "$out/section.md"
