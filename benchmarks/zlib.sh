#!/usr/bin/env bash
# zlib throughput: Eventide's gzipSync (level 6) and gunzipSync (JMH, ZlibBenchmark) against node's
# zlib on the same 256 MiB of mixed text, one after the other on the same pinned core. Writes the
# "zlib" section of benchmarks/RESULTS.md.
# usage: benchmarks/zlib.sh [quick]     (quick: one warm-up and two measured operations, a smoke run)
# EVENTIDE_TARGET=target-NAME builds into that folder (parallel builds in one tree).
# EVENTIDE_ZLIB=jdk measures the java.util.zip path instead of libdeflate (the JMH fork inherits it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cpu=${BENCH_CPU:-1}
mode=${1:-full}
target=${EVENTIDE_TARGET:-target}
cd "$root"
# libdeflate is what the core's fast path calls; without it the run measures the JDK path.
ldconfig -p 2>/dev/null | grep -q 'libdeflate\.so\.0' \
  || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libdeflate0 >/dev/null; } || true
./mvnw -q -Dmaven.test.skip=true -Deventide.target="$target" -pl benchmarks -am package
java_home=$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)
java=${JAVA25:-$java_home/bin/java}
cp="benchmarks/$target/eventide-benchmarks-0.1.0-SNAPSHOT.jar:$(ls benchmarks/"$target"/lib/*.jar | tr '\n' ':')"
out=$(mktemp -d)
if [ "$mode" = quick ]; then jmh_args=(-wi 1 -i 2); wms=1; mms=1; else jmh_args=(); wms=2000; mms=5000; fi
# The benchmarks run on the class path, so native access (libdeflate through FFM) is granted to
# ALL-UNNAMED; bin/eventide grants it to the dev.eventide module. The JMH fork inherits the flag.
native=--enable-native-access=ALL-UNNAMED
engine=$([ "${EVENTIDE_ZLIB:-}" = jdk ] && echo "the JDK's zlib (java.util.zip; EVENTIDE_ZLIB=jdk)" || echo "libdeflate through java.lang.foreign (whole-buffer fast path)")
jmh_cmd="${EVENTIDE_ZLIB:+EVENTIDE_ZLIB=$EVENTIDE_ZLIB }taskset -c $cpu $java $native -cp <benchmarks jars> org.openjdk.jmh.Main ZlibBenchmark ${jmh_args[*]:-} -rf json"
taskset -c "$cpu" "$java" "$native" -cp "$cp" org.openjdk.jmh.Main ZlibBenchmark "${jmh_args[@]}" -rf json -rff "$out/jmh.json" >"$out/jmh.log"
node_cmd="WARMUP_MS=$wms MEASURE_MS=$mms taskset -c $cpu node benchmarks/node/zlib.js"
WARMUP_MS=$wms MEASURE_MS=$mms taskset -c "$cpu" node benchmarks/node/zlib.js >"$out/node.jsonl" 2>/dev/null
ours_info=$(grep -m1 'input crc32' "$out/jmh.log" || echo 'input crc32 ?, gzip level 6 size ?')
node - "$out/jmh.json" "$out/node.jsonl" "$jmh_cmd" "$node_cmd" "$(node --version)" "$($java -version 2>&1 | head -1)" \
  "$ours_info" "$mode" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$engine" >"$out/section.md" <<'JS'
const fs = require('fs');
const [jmhFile, nodeFile, jmhCmd, nodeCmd, nodeVersion, javaVersion, oursInfo, mode, cores, load, engine] = process.argv.slice(2);
const jmh = JSON.parse(fs.readFileSync(jmhFile, 'utf8'));
const ours = Object.fromEntries(jmh.map((r) => [r.benchmark.split('.').pop(), r.primaryMetric.score]));
const lines = fs.readFileSync(nodeFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const info = lines.find((l) => l.crc32 !== undefined);
const theirs = Object.fromEntries(lines.filter((l) => l.benchmark).map((r) => [r.benchmark, r.bytesPerSec]));
const [, ourCrc, ourSize] = /input crc32 (\S+), gzip level 6 size (\S+)/.exec(oursInfo) || [];
const mb = (n) => (n / 1e6).toFixed(1);
const out = ['## zlib (issue 3)', '',
  `Run on ${new Date().toISOString().slice(0, 10)} (${mode} mode); ${javaVersion}; node ${nodeVersion}; ${cores} cores, load average ${load} at the end.`,
  'Sync forms on one 256 MiB buffer of deterministic mixed text (words with some UTF-8, log lines, JSON, hex ids);',
  `MB/s = 10^6 uncompressed bytes per second (higher is better). Eventide runs on ${engine},`,
  'node on its bundled (Chromium) zlib.', '',
  '| workload | Eventide MB/s | node MB/s | Eventide/node |', '|---|---:|---:|---:|'];
for (const name of Object.keys(theirs)) {
  const a = ours[name]; const b = theirs[name];
  out.push(`| ${name} | ${a ? mb(a) : 'n/a'} | ${mb(b)} | ${a ? (a / b).toFixed(2) : 'n/a'} |`);
}
out.push('', `Same input on both sides: CRC-32 ${ourCrc} (Eventide) and ${info.crc32} (node)${ourCrc == String(info.crc32) ? ', identical' : ', DIFFERENT'}.`,
  `Level-6 gzip size: ${ourSize} bytes (Eventide) and ${info.packed} bytes (node).`,
  'The fast path is the whole-buffer forms\' (sync and Promise); streams (`createGzip`...) stay on the JDK\'s zlib. libdeflate\'s level 6 trades about 5% of size for its speed (docs/zlib.md); `EVENTIDE_ZLIB=jdk benchmarks/zlib.sh` measures the JDK path.',
  '', 'Commands:', '', '```', jmhCmd, nodeCmd, '```');
console.log(out.join('\n'));
JS
node benchmarks/lib/section.js benchmarks/RESULTS.md zlib "$out/section.md"
cat "$out/section.md"
