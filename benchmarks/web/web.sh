#!/usr/bin/env bash
# Web framework load run (issue 6): GET /users/:id answering a small JSON object behind security
# headers (helmet), a JSON request logger writing to /dev/null and a rate limiter that never
# refuses, on Eventide's web layer (through bin/eventide, blocked-loop watchdog on as users get
# it, and once more with EVENTIDE_WATCHDOG=0 to show what the watchdog costs), Express 5 and
# Fastify 5 (npm ci from package-lock.json). wrk pinned to one core, the server to the other,
# `-t1 -c64`, keep-alive, each peer twice after a warm-up. Writes the "web" section of
# benchmarks/RESULTS.md.
# usage: benchmarks/web/web.sh [quick]   (quick: 3 s runs instead of 10 s)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mode=${1:-full}
duration=10s; warm=15s  # the JVM compiles its hot code on the same single core: a longer warm-up, for every peer
if [ "$mode" = quick ]; then duration=3s; warm=2s; fi
server_cpu=${SERVER_CPU:-1}
wrk_cpu=${WRK_CPU:-0}
port=${WEB_BENCH_PORT:-18180}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
(cd "$here" && [ -d node_modules/express ] && [ -d node_modules/fastify ] || npm ci --no-audit --no-fund --silent)
cd "$root"
out=$(mktemp -d)
# Builds Eventide's jars (if needed) and compiles the peer once, outside the measured runs.
EVENTIDE_AOT=0 bin/eventide --version >/dev/null
url="http://127.0.0.1:$port/users/42"

# Each peer is started in the foreground of a subshell that execs it, so that $! is the server's
# own PID (bin/eventide execs java) and the kill below stops it.
start_peer() {
  case $1 in
    eventide) exec env EVENTIDE_JAVA_OPTS="-Xms256m -Xmx256m" taskset -c "$server_cpu" bin/eventide "$here/eventide-users.java" "$port" ;;
    eventide-nowatchdog) exec env EVENTIDE_WATCHDOG=0 EVENTIDE_JAVA_OPTS="-Xms256m -Xmx256m" taskset -c "$server_cpu" bin/eventide "$here/eventide-users.java" "$port" ;;
    express) exec taskset -c "$server_cpu" node "$here/express-users.js" "$port" ;;
    fastify) exec taskset -c "$server_cpu" node "$here/fastify-users.js" "$port" ;;
  esac
}
peers=(eventide eventide-nowatchdog express fastify)

wait_port() {
  for _ in $(seq 1 300); do
    curl -s -o /dev/null "$url" && return 0
    sleep 0.1
  done
  echo "server did not start" >&2; return 1
}

for peer in "${peers[@]}"; do
  if curl -s -o /dev/null "$url"; then echo "port $port is taken: stop what listens there first" >&2; exit 1; fi
  (start_peer "$peer") >/dev/null 2>"$out/$peer.log" &
  pid=$!
  wait_port
  curl -s -D "$out/$peer.headers" -o "$out/$peer.body" "$url"
  taskset -c "$wrk_cpu" wrk -t1 -c64 -d"$warm" "$url" >/dev/null
  for run in 1 2; do
    taskset -c "$wrk_cpu" wrk -t1 -c64 -d"$duration" --latency "$url" >"$out/$peer.$run.txt"
  done
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  sleep 1
done

WARM=$warm node - "$out" "$duration" "$mode" "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" \
  "$(node --version)" "$(wrk -v 2>&1 | head -1)" "$(cd "$here" && node -p "require('express/package.json').version + ' / ' + require('fastify/package.json').version")" \
  >"$out/section.md" <<'JS'
const fs = require('fs');
const [dir, duration, mode, machine, nodeVersion, wrkVersion, versions] = process.argv.slice(2);
const peers = ['eventide', 'eventide-nowatchdog', 'express', 'fastify'];
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
const headerCount = (p) => fs.readFileSync(`${dir}/${p}.headers`, 'utf8').trim().split('\r\n').length - 1;
const lines = ['## web (issue 6)', '',
  `Run on ${new Date().toISOString().slice(0, 10)} (${mode} mode; ${machine}); node ${nodeVersion}; Express / Fastify ${versions}; ${wrkVersion}.`,
  `GET /users/42 answering \`{"id":"42","name":"user 42","active":true}\` behind helmet's headers, a JSON request logger writing to /dev/null and a rate limiter that never refuses. wrk pinned to core ${0}, the server to core 1; \`wrk -t1 -c64 -d${duration} --latency\`, twice per peer after a warm-up of the same kind (${process.env.WARM || "15s"}). Eventide runs through bin/eventide with -Xms256m -Xmx256m, once as users get it (blocked-loop watchdog on) and once with EVENTIDE_WATCHDOG=0.`, '',
  '| server | req/s run 1 | req/s run 2 | req/s mean | p50 ms | p99 ms | response headers | Eventide/peer (req/s) |',
  '|---|---:|---:|---:|---:|---:|---:|---:|'];
for (const p of peers) {
  const ratio = p === 'eventide' ? '1.00' : (mean('eventide', 'rps') / mean(p, 'rps')).toFixed(2);
  lines.push(`| ${p}${res[p].some((r) => r.errors) ? ' (errors!)' : ''} | ${fmt(res[p][0].rps)} | ${fmt(res[p][1].rps)} | ${fmt(mean(p, 'rps'))} | ${mean(p, 'p50').toFixed(2)} | ${mean(p, 'p99').toFixed(2)} | ${headerCount(p)} | ${ratio} |`);
}
const r = (a, b) => (mean(a, 'rps') / mean(b, 'rps')).toFixed(2);
lines.push('', `Goals (issue 6): Eventide >= 3x Express (now ${r('eventide', 'express')}x) and >= 1.5x Fastify (now ${r('eventide', 'fastify')}x).`,
  `Watchdog cost (issue 7): with the watchdog on, Eventide serves ${r('eventide', 'eventide-nowatchdog')}x the requests/s it serves with it off.`);
lines.push('', 'Command: `benchmarks/web/web.sh' + (mode === 'quick' ? ' quick' : '') + '` (peers: benchmarks/web/eventide-users.java, express-users.js, fastify-users.js; npm versions pinned in benchmarks/web/package-lock.json).');
console.log(lines.join('\n'));
JS
cat "$out/section.md"
node benchmarks/lib/section.js benchmarks/RESULTS.md web "$out/section.md"
