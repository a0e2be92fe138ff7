#!/usr/bin/env bash
# fs throughput: Eventide (JMH, FsBenchmark) against node (benchmarks/node/fs.js) on the same files,
# one after the other on the same pinned core: readFile of 1,000 small files (files/s) and
# createReadStream of a 1 GiB file (MB/s). Writes the "fs" section of benchmarks/RESULTS.md.
# usage: benchmarks/fs.sh [quick]     (quick: short warm-up and measurement, a smoke run)
# EVENTIDE_TARGET=target-NAME builds into that folder (parallel builds in one tree).
# FS_BENCH_DIR (default /tmp/eventide-fs-bench) holds the files; they are made once.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cpu=${BENCH_CPU:-1}
mode=${1:-full}
target=${EVENTIDE_TARGET:-target}
export FS_BENCH_DIR=${FS_BENCH_DIR:-/tmp/eventide-fs-bench}
cd "$root"
node -e '
const fs = require("fs"); const d = process.env.FS_BENCH_DIR;
fs.mkdirSync(d + "/small", { recursive: true });
for (let i = 0; i < 1000; i++) { const f = `${d}/small/${i}.txt`; if (!fs.existsSync(f)) fs.writeFileSync(f, `file ${i} `.repeat(40)); }
const big = d + "/big.bin";
if (!fs.existsSync(big) || fs.statSync(big).size !== 2 ** 30) {
  const block = Buffer.alloc(1 << 20); for (let i = 0; i < block.length; i++) block[i] = (i * 7919) & 255;
  const fd = fs.openSync(big, "w"); for (let i = 0; i < 1024; i++) fs.writeSync(fd, block); fs.closeSync(fd);
}'
cat "$FS_BENCH_DIR/big.bin" >/dev/null   # into the page cache for both runners
./mvnw -q -Dmaven.test.skip=true -Deventide.target="$target" -pl benchmarks -am package
java_home=$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)
java=${JAVA25:-$java_home/bin/java}
cp="benchmarks/$target/eventide-benchmarks-0.1.0-SNAPSHOT.jar:$(ls benchmarks/"$target"/lib/*.jar | tr '\n' ':')"
out=$(mktemp -d)
if [ "$mode" = quick ]; then jmh_args=(-wi 1 -w 2 -i 2 -r 3); wms=2000; mms=6000; else jmh_args=(); wms=9000; mms=15000; fi
jmh_cmd="taskset -c $cpu $java -cp <benchmarks jars> org.openjdk.jmh.Main FsBenchmark ${jmh_args[*]:-} -rf json"
taskset -c "$cpu" "$java" -cp "$cp" org.openjdk.jmh.Main FsBenchmark "${jmh_args[@]}" -rf json -rff "$out/jmh.json" >"$out/jmh.log"
node_cmd="WARMUP_MS=$wms MEASURE_MS=$mms taskset -c $cpu node benchmarks/node/fs.js"
WARMUP_MS=$wms MEASURE_MS=$mms taskset -c "$cpu" node benchmarks/node/fs.js >"$out/node.jsonl"
node - "$out/jmh.json" "$out/node.jsonl" "$jmh_cmd" "$node_cmd" "$(node --version)" "$($java -version 2>&1 | head -1)" \
  "$mode" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" >"$out/section.md" <<'JS'
const fs = require('fs');
const [jmhFile, nodeFile, jmhCmd, nodeCmd, nodeVersion, javaVersion, mode, cores, load] = process.argv.slice(2);
const jmh = JSON.parse(fs.readFileSync(jmhFile, 'utf8'));
const ours = Object.fromEntries(jmh.map((r) => [r.benchmark.split('.').pop(), r.primaryMetric.score]));
const theirs = Object.fromEntries(fs.readFileSync(nodeFile, 'utf8').trim().split('\n')
  .map((l) => JSON.parse(l)).map((r) => [r.benchmark, r.opsPerSec]));
const rows = [
  ['readFile of 1,000 small files (280-360 B each), all in flight', 'readFileSmall', 'files/s', 1],
  ['createReadStream of a 1 GiB file, 64 KiB chunks', 'readStreamBig', 'MB/s', 2 ** 30 / 1e6],
];
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const lines = ['## fs (issue 4)', '',
  `Run on ${new Date().toISOString().slice(0, 10)} (${mode} mode; ${cores} cores, load ${load}); ${javaVersion}; node ${nodeVersion}.`,
  'Both pinned to one core with the default pool of 4 threads; files in the page cache. Higher is better.', '',
  '| workload | unit | Eventide | node | Eventide/node |', '|---|---|---:|---:|---:|'];
for (const [label, key, unit, scale] of rows) {
  const a = ours[key] * scale; const b = theirs[key] * scale;
  lines.push(`| ${label} | ${unit} | ${ours[key] ? fmt(a) : 'n/a'} | ${fmt(b)} | ${ours[key] ? (a / b).toFixed(2) : 'n/a'} |`);
}
lines.push('', 'Commands (benchmarks/fs.sh' + (mode === 'quick' ? ' quick' : '') + '):', '', '```', jmhCmd, nodeCmd, '```');
console.log(lines.join('\n'));
JS
node benchmarks/lib/section.js benchmarks/RESULTS.md fs "$out/section.md"
cat "$out/section.md"
