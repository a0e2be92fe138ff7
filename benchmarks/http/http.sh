#!/usr/bin/env bash
# HTTP/1.1 load run (issue 5): wrk pinned to one core, the server to the other, answering
# "Hello, World!" with keep-alive: Eventide (one loop), node:http, Netty 4.2 (NIO, one loop),
# Vert.x 5 (one loop) and nginx (return 200) as the ceiling. Each peer runs twice (after a
# warm-up); writes requests/s, p50/p99 latency and the ratios as the "http" section of
# benchmarks/RESULTS.md.
# usage: benchmarks/http/http.sh [quick]   (quick: 3 s runs instead of 10 s)
# EVENTIDE_TARGET=target-NAME builds into that folder (parallel builds in one tree).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mode=${1:-full}
duration=10s; warm=5s
if [ "$mode" = quick ]; then duration=3s; warm=2s; fi
server_cpu=${SERVER_CPU:-1}
wrk_cpu=${WRK_CPU:-0}
port=${HTTP_BENCH_PORT:-18080}
target=${EVENTIDE_TARGET:-target}
command -v wrk >/dev/null && command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk nginx >/dev/null; }
cd "$root"
./mvnw -q -Dmaven.test.skip=true -Deventide.target="$target" -pl benchmarks -am package
java_home=$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)
java=${JAVA25:-$java_home/bin/java}
cp="benchmarks/$target/eventide-benchmarks-0.1.0-SNAPSHOT.jar:$(ls benchmarks/"$target"/lib/*.jar | tr '\n' ':')"
jvm_opts=(-Xms256m -Xmx256m)
out=$(mktemp -d)
nginx_conf="$out/nginx.conf"
cat >"$nginx_conf" <<NGINX
worker_processes 1;
pid $out/nginx.pid;
error_log $out/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$port;
    location / { default_type text/plain; return 200 'Hello, World!'; }
  }
}
NGINX

declare -A start_cmd=(
  [eventide]="$java ${jvm_opts[*]} -cp $cp dev.eventide.benchmarks.http.EventideHello $port"
  [node]="node $here/node-hello.js $port"
  [netty]="$java ${jvm_opts[*]} -cp $cp dev.eventide.benchmarks.http.NettyHello $port"
  [vertx]="$java ${jvm_opts[*]} -cp $cp dev.eventide.benchmarks.http.VertxHello $port"
  [nginx]="nginx -c $nginx_conf -g daemon\ off;"
)
peers=(eventide node netty vertx nginx)

wait_port() {
  for _ in $(seq 1 100); do
    curl -s -o /dev/null "http://127.0.0.1:$port/" && return 0
    sleep 0.1
  done
  echo "server did not start" >&2; return 1
}

for peer in "${peers[@]}"; do
  if [ "$peer" = nginx ]; then
    taskset -c "$server_cpu" nginx -c "$nginx_conf" -g 'daemon off;' >"$out/$peer.log" 2>&1 &
  else
    # shellcheck disable=SC2086
    taskset -c "$server_cpu" ${start_cmd[$peer]} >"$out/$peer.log" 2>&1 &
  fi
  pid=$!
  wait_port
  taskset -c "$wrk_cpu" wrk -t1 -c64 -d"$warm" "http://127.0.0.1:$port/" >/dev/null
  for run in 1 2; do
    taskset -c "$wrk_cpu" wrk -t1 -c64 -d"$duration" --latency "http://127.0.0.1:$port/" >"$out/$peer.$run.txt"
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  sleep 1
done

node - "$out" "$duration" "$mode" "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" "$($java -version 2>&1 | head -1)" "$(node --version)" \
  "$(nginx -v 2>&1)" "$(wrk -v 2>&1 | head -1)" >"$out/section.md" <<'JS'
const fs = require('fs');
const [dir, duration, mode, cores, javaVersion, nodeVersion, nginxVersion, wrkVersion] = process.argv.slice(2);
const peers = ['eventide', 'node', 'netty', 'vertx', 'nginx'];
const ms = (s) => { const m = /([\d.]+)(us|ms|s)/.exec(s); return m[2] === 'us' ? m[1] / 1000 : m[2] === 's' ? m[1] * 1000 : +m[1]; };
const parse = (text) => ({
  rps: +/Requests\/sec:\s+([\d.]+)/.exec(text)[1],
  p50: ms(/\s50%\s+(\S+)/.exec(text)[1]),
  p99: ms(/\s99%\s+(\S+)/.exec(text)[1]),
  errors: /Non-2xx|Socket errors/.test(text),
});
const res = {};
for (const p of peers) res[p] = [1, 2].map((r) => parse(fs.readFileSync(`${dir}/${p}.${r}.txt`, 'utf8')));
const mean = (p, k) => (res[p][0][k] + res[p][1][k]) / 2;
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const lines = ['## http (issue 5)', '',
  `Run on ${new Date().toISOString().slice(0, 10)} (${mode} mode; ${cores}); ${javaVersion}; node ${nodeVersion}; ${nginxVersion}; ${wrkVersion}.`,
  `wrk pinned to core 0, the server to core 1; \`wrk -t1 -c64 -d${duration} --latency\`, twice per peer after a warm-up; "Hello, World!" with keep-alive. JVM peers run with -Xms256m -Xmx256m. Requests/s higher is better, latency lower is better.`, '',
  '| server | req/s run 1 | req/s run 2 | req/s mean | p50 ms | p99 ms | Eventide/peer (req/s) |',
  '|---|---:|---:|---:|---:|---:|---:|'];
for (const p of peers) {
  const ratio = p === 'eventide' ? '1.00' : (mean('eventide', 'rps') / mean(p, 'rps')).toFixed(2);
  lines.push(`| ${p}${res[p].some((r) => r.errors) ? ' (errors!)' : ''} | ${fmt(res[p][0].rps)} | ${fmt(res[p][1].rps)} | ${fmt(mean(p, 'rps'))} | ${mean(p, 'p50').toFixed(2)} | ${mean(p, 'p99').toFixed(2)} | ${ratio} |`);
}
lines.push('', `Goals (issue 5): Eventide >= 2.0x node (now ${(mean('eventide', 'rps') / mean('node', 'rps')).toFixed(2)}x), >= 1.0x Netty (${(mean('eventide', 'rps') / mean('netty', 'rps')).toFixed(2)}x) and Vert.x (${(mean('eventide', 'rps') / mean('vertx', 'rps')).toFixed(2)}x), p99 no worse than node's (${mean('eventide', 'p99').toFixed(2)} vs ${mean('node', 'p99').toFixed(2)} ms).`);
lines.push('', 'Command: `benchmarks/http/http.sh' + (mode === 'quick' ? ' quick' : '') + '` (peers: benchmarks/src/main/java/dev/eventide/benchmarks/http/, benchmarks/http/node-hello.js, nginx with a temp config).');
console.log(lines.join('\n'));
JS
cat "$out/section.md"
node benchmarks/lib/section.js benchmarks/RESULTS.md http "$out/section.md"
