#!/usr/bin/env bash
# HTTP/1.1 load run (issue 5): wrk pinned to one core, the server to the other, answering
# "Hello, World!" with keep-alive: Eventide (one loop), node:http, Netty 4.2 (NIO, one loop),
# Vert.x 5 (one loop) and nginx (return 200) as the ceiling. The peers run in rounds (three by
# default): in each round every peer is started, warmed up, measured once and stopped, in an
# order that rotates between rounds, so a slow spell of this shared machine lands on all peers
# alike instead of on whichever ran then. Ratios are taken within a round and the median round
# is reported, with the worst; writes requests/s, p50/p99 latency and the ratios as the "http"
# section of benchmarks/RESULTS.md.
# usage: benchmarks/http/http.sh [quick]   (quick: one round of 3 s runs instead of 10 s)
# HTTP_BENCH_ROUNDS=N sets the number of rounds.
# EVENTIDE_TARGET=target-NAME builds into that folder (parallel builds in one tree).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mode=${1:-full}
duration=10s; warm=5s; rounds=${HTTP_BENCH_ROUNDS:-3}
if [ "$mode" = quick ]; then duration=3s; warm=2s; rounds=${HTTP_BENCH_ROUNDS:-1}; fi
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

run_peer() { # peer round
  local peer=$1 round=$2 pid
  if [ "$peer" = nginx ]; then
    taskset -c "$server_cpu" nginx -c "$nginx_conf" -g 'daemon off;' >"$out/$peer.log" 2>&1 &
  else
    # shellcheck disable=SC2086
    taskset -c "$server_cpu" ${start_cmd[$peer]} >"$out/$peer.log" 2>&1 &
  fi
  pid=$!
  wait_port
  # Two warm-up runs: when the first one's 64 connections close, paths never taken before
  # (close, destroy) deoptimize JIT-compiled code of the JVM peers, which then recompile under
  # load (PrintCompilation shows ~150 recompilations in the next second); the second run
  # absorbs that, so the measured run sees steady state for every peer.
  for _ in 1 2; do taskset -c "$wrk_cpu" wrk -t1 -c64 -d"$warm" "http://127.0.0.1:$port/" >/dev/null; done
  taskset -c "$wrk_cpu" wrk -t1 -c64 -d"$duration" --latency "http://127.0.0.1:$port/" >"$out/$peer.$round.txt"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  sleep 1
}

for round in $(seq 1 "$rounds"); do
  n=${#peers[@]}
  for i in $(seq 0 $((n - 1))); do
    run_peer "${peers[$(( (i + round - 1) % n ))]}" "$round"
  done
done

node - "$out" "$duration" "$mode" "$rounds" "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" "$($java -version 2>&1 | head -1)" "$(node --version)" \
  "$(nginx -v 2>&1)" "$(wrk -v 2>&1 | head -1)" >"$out/section.md" <<'JS'
const fs = require('fs');
const [dir, duration, mode, roundsArg, cores, javaVersion, nodeVersion, nginxVersion, wrkVersion] = process.argv.slice(2);
const rounds = [...Array(+roundsArg).keys()].map((i) => i + 1);
const peers = ['eventide', 'node', 'netty', 'vertx', 'nginx'];
const ms = (s) => { const m = /([\d.]+)(us|ms|s)/.exec(s); return m[2] === 'us' ? m[1] / 1000 : m[2] === 's' ? m[1] * 1000 : +m[1]; };
const parse = (text) => ({
  rps: +/Requests\/sec:\s+([\d.]+)/.exec(text)[1],
  p50: ms(/\s50%\s+(\S+)/.exec(text)[1]),
  p99: ms(/\s99%\s+(\S+)/.exec(text)[1]),
  errors: /Non-2xx|Socket errors/.test(text),
});
const res = {};
for (const p of peers) res[p] = rounds.map((r) => parse(fs.readFileSync(`${dir}/${p}.${r}.txt`, 'utf8')));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const med = (p, k) => median(res[p].map((r) => r[k]));
// Eventide/peer within each round: both measured minutes apart at most, under the same spell.
const ratios = (p, k = 'rps') => res.eventide.map((r, i) => r[k] / res[p][i][k]);
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const lines = ['## http (issue 5)', '',
  `Run on ${new Date().toISOString().slice(0, 10)} (${mode} mode; ${cores}); ${javaVersion}; node ${nodeVersion}; ${nginxVersion}; ${wrkVersion}.`,
  `wrk pinned to core 0, the server to core 1; \`wrk -t1 -c64 -d${duration} --latency\` once per peer and round after two warm-up runs of ${mode === 'quick' ? '2' : '5'} s, ${rounds.length} round(s), the peers' order rotating between rounds; "Hello, World!" with keep-alive. JVM peers run with -Xms256m -Xmx256m. Requests/s higher is better, latency lower is better. Ratios are taken within each round; the table gives the median round and the worst.`, '',
  `| server | ${rounds.map((r) => `req/s round ${r}`).join(' | ')} | req/s median | p50 ms | p99 ms | Eventide/peer median | worst round |`,
  `|---|${rounds.map(() => '---:').join('|')}|---:|---:|---:|---:|---:|`];
for (const p of peers) {
  const rr = ratios(p);
  const ratio = p === 'eventide' ? '1.00' : median(rr).toFixed(2);
  const worst = p === 'eventide' ? '' : Math.min(...rr).toFixed(2);
  lines.push(`| ${p}${res[p].some((r) => r.errors) ? ' (errors!)' : ''} | ${res[p].map((r) => fmt(r.rps)).join(' | ')} | ${fmt(med(p, 'rps'))} | ${med(p, 'p50').toFixed(2)} | ${med(p, 'p99').toFixed(2)} | ${ratio} | ${worst} |`);
}
const goal = (p) => `${median(ratios(p)).toFixed(2)}x, worst round ${Math.min(...ratios(p)).toFixed(2)}x`;
const p99Rounds = res.eventide.filter((r, i) => r.p99 <= res.node[i].p99).length;
lines.push('', `Goals (issue 5): Eventide >= 2.0x node (${goal('node')}), >= 1.0x Netty (${goal('netty')}) and Vert.x (${goal('vertx')}), p99 no worse than node's (median ${med('eventide', 'p99').toFixed(2)} vs ${med('node', 'p99').toFixed(2)} ms; at or below node's in ${p99Rounds} of ${rounds.length} rounds).`);
lines.push('', 'Command: `benchmarks/http/http.sh' + (mode === 'quick' ? ' quick' : '') + '` (peers: benchmarks/src/main/java/dev/eventide/benchmarks/http/, benchmarks/http/node-hello.js, nginx with a temp config).');
console.log(lines.join('\n'));
JS
cat "$out/section.md"
node benchmarks/lib/section.js benchmarks/RESULTS.md http "$out/section.md"
