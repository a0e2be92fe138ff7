#!/usr/bin/env bash
# Crypto on the worker pool: Eventide (JMH) against node running the same rounds, one after the
# other on the same cores (both pools use every core given). Writes the "crypto" section of
# benchmarks/RESULTS.md.
# usage: benchmarks/crypto.sh [quick]     (quick: shorter warm-up and measurement, for a smoke run)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cpus=${BENCH_CPUS:-0-$(($(nproc) - 1))}
mode=${1:-full}
cd "$root"
target=${EVENTIDE_TARGET:-target}   # parallel builds in one tree pass their own folder name
./mvnw -q -Deventide.target="$target" -Dmaven.test.skip=true -pl benchmarks -am package
java_home=$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)
java=${JAVA25:-$java_home/bin/java}
cp="benchmarks/$target/eventide-benchmarks-0.1.0-SNAPSHOT.jar:$(ls benchmarks/$target/lib/*.jar | tr '\n' ':')"
out=$(mktemp -d)
if [ "$mode" = quick ]; then jmh_args=(-wi 1 -w 2 -i 2 -r 3); wms=2000; mms=6000; else jmh_args=(); wms=9000; mms=15000; fi
jmh_cmd="taskset -c $cpus $java -cp <benchmarks jars> org.openjdk.jmh.Main CryptoBenchmark ${jmh_args[*]:-} -rf json"
taskset -c "$cpus" "$java" -cp "$cp" org.openjdk.jmh.Main CryptoBenchmark "${jmh_args[@]}" -rf json -rff "$out/jmh.json" >"$out/jmh.log"
node_cmd="WARMUP_MS=$wms MEASURE_MS=$mms taskset -c $cpus node benchmarks/node/crypto.js"
WARMUP_MS=$wms MEASURE_MS=$mms taskset -c "$cpus" node benchmarks/node/crypto.js >"$out/node.jsonl"
node - "$out/jmh.json" "$out/node.jsonl" "$jmh_cmd" "$node_cmd" "$(node --version)" "$($java -version 2>&1 | head -1)" "$cpus" "$mode" >"$out/section.md" <<'JS'
const fs = require('fs');
const [jmhFile, nodeFile, jmhCmd, nodeCmd, nodeVersion, javaVersion, cpus, mode] = process.argv.slice(2);
const jmh = JSON.parse(fs.readFileSync(jmhFile, 'utf8'));
const ours = Object.fromEntries(jmh.map((r) => [r.benchmark.split('.').pop(), r.primaryMetric.score]));
const theirs = Object.fromEntries(fs.readFileSync(nodeFile, 'utf8').trim().split('\n')
  .map((l) => JSON.parse(l)).map((r) => [r.benchmark, r.opsPerSec]));
const fmt = (n) => n.toFixed(1);
const lines = ['## Crypto on the worker pool (issue 4)', '',
  `Run on ${new Date().toISOString().slice(0, 10)} (${mode} mode); ${javaVersion}; node ${nodeVersion}; CPUs ${cpus}; ` +
  'default pool of 4 threads on both sides. Jobs per second (higher is better): rounds of 32 pbkdf2 ' +
  'jobs (sha512, 100,000 iterations, 64-byte keys) started together.', '',
  '| workload | Eventide | node | Eventide/node |', '|---|---:|---:|---:|'];
for (const name of Object.keys(theirs)) {
  const a = ours[name]; const b = theirs[name];
  lines.push(`| ${name} | ${a ? fmt(a) : 'n/a'} | ${fmt(b)} | ${a ? (a / b).toFixed(2) : 'n/a'} |`);
}
lines.push('', 'Commands:', '', '```', jmhCmd, nodeCmd, '```');
console.log(lines.join('\n'));
JS
node benchmarks/lib/section.js benchmarks/RESULTS.md crypto "$out/section.md"
cat "$out/section.md"
