#!/usr/bin/env bash
# Web framework load run (issue 6): GET /users/:id answering a small JSON object behind security
# headers (helmet), a JSON request logger writing to /dev/null and a rate limiter that never
# refuses, on Eventide's web layer (through bin/eventide, blocked-loop watchdog on as users get
# it, and once more with EVENTIDE_WATCHDOG=0 to show what the watchdog costs), Express 5 and
# Fastify 5 (npm ci from package-lock.json). wrk pinned to one core, the server to the other,
# `-t1 -c64`, keep-alive. As in benchmarks/http/http.sh, the peers run in rounds (three by
# default, WEB_BENCH_ROUNDS to change), each round starting, warming up and measuring every peer
# once in a rotating order, and ratios are taken within a round (the median round and the worst
# are reported): runs of one JVM differ by tens of percent (JIT decisions), so one pair of
# back-to-back runs per peer could not tell the watchdog's cost from noise. Writes the "web"
# section of benchmarks/RESULTS.md.
# usage: benchmarks/web/web.sh [quick]   (quick: one round of 3 s runs instead of 10 s)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mode=${1:-full}
duration=10s; warm=15s; rounds=${WEB_BENCH_ROUNDS:-3}  # the JVM compiles its hot code on the same single core: a longer warm-up, for every peer
if [ "$mode" = quick ]; then duration=3s; warm=2s; rounds=${WEB_BENCH_ROUNDS:-1}; fi
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

# The JVM's start-up (AOT) cache for a web program is trained once per build of the jars; the
# launcher does that in the background on first use, in a JVM that inherits the server's core.
# Train it in the foreground now (EVENTIDE_AOT=sync), so that no measured run shares its core
# with a training run (one did: the first peer measured at 0.43x).
(EVENTIDE_AOT=sync exec bin/eventide "$here/eventide-users.java" "$port") >/dev/null 2>"$out/aot.log" &
pid=$!
for _ in $(seq 1 1800); do curl -s -o /dev/null "$url" && break; sleep 0.1; done
kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
sleep 1

run_peer() { # peer round
  local peer=$1 round=$2 pid
  if curl -s -o /dev/null "$url"; then echo "port $port is taken: stop what listens there first" >&2; exit 1; fi
  (start_peer "$peer") >/dev/null 2>"$out/$peer.log" &
  pid=$!
  wait_port
  curl -s -D "$out/$peer.headers" -o "$out/$peer.body" "$url"
  taskset -c "$wrk_cpu" wrk -t1 -c64 -d"$warm" "$url" >/dev/null
  taskset -c "$wrk_cpu" wrk -t1 -c64 -d"$duration" --latency "$url" >"$out/$peer.$round.txt"
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  sleep 1
}

for round in $(seq 1 "$rounds"); do
  n=${#peers[@]}
  for i in $(seq 0 $((n - 1))); do
    run_peer "${peers[$(( (i + round - 1) % n ))]}" "$round"
  done
done

WARM=$warm node - "$out" "$duration" "$mode" "$rounds" "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" \
  "$(node --version)" "$(wrk -v 2>&1 | head -1)" "$(cd "$here" && node -p "require('express/package.json').version + ' / ' + require('fastify/package.json').version")" \
  >"$out/section.md" <<'JS'
const fs = require('fs');
const [dir, duration, mode, roundsArg, machine, nodeVersion, wrkVersion, versions] = process.argv.slice(2);
const rounds = [...Array(+roundsArg).keys()].map((i) => i + 1);
const peers = ['eventide', 'eventide-nowatchdog', 'express', 'fastify'];
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
const ratios = (a, b) => res[a].map((r, i) => r.rps / res[b][i].rps);
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const headerCount = (p) => fs.readFileSync(`${dir}/${p}.headers`, 'utf8').trim().split('\r\n').length - 1;
const lines = ['## web (issue 6)', '',
  `Run on ${new Date().toISOString().slice(0, 10)} (${mode} mode; ${machine}); node ${nodeVersion}; Express / Fastify ${versions}; ${wrkVersion}.`,
  `GET /users/42 answering \`{"id":"42","name":"user 42","active":true}\` behind helmet's headers, a JSON request logger writing to /dev/null and a rate limiter that never refuses. wrk pinned to core 0, the server to core 1; \`wrk -t1 -c64 -d${duration} --latency\` once per peer and round after a warm-up of the same kind (${process.env.WARM || "15s"}), ${rounds.length} round(s), the peers' order rotating between rounds. Eventide runs through bin/eventide with -Xms256m -Xmx256m (its start-up cache trained beforehand), once as users get it (blocked-loop watchdog on) and once with EVENTIDE_WATCHDOG=0. Ratios are taken within each round; the table gives the median round and the worst.`, '',
  `| server | ${rounds.map((r) => `req/s round ${r}`).join(' | ')} | req/s median | p50 ms | p99 ms | response headers | Eventide/peer median | worst round |`,
  `|---|${rounds.map(() => '---:').join('|')}|---:|---:|---:|---:|---:|---:|`];
for (const p of peers) {
  const rr = ratios('eventide', p);
  const ratio = p === 'eventide' ? '1.00' : median(rr).toFixed(2);
  const worst = p === 'eventide' ? '' : Math.min(...rr).toFixed(2);
  lines.push(`| ${p}${res[p].some((r) => r.errors) ? ' (errors!)' : ''} | ${res[p].map((r) => fmt(r.rps)).join(' | ')} | ${fmt(med(p, 'rps'))} | ${med(p, 'p50').toFixed(2)} | ${med(p, 'p99').toFixed(2)} | ${headerCount(p)} | ${ratio} | ${worst} |`);
}
const g = (a, b) => `${median(ratios(a, b)).toFixed(2)}x, worst round ${Math.min(...ratios(a, b)).toFixed(2)}x`;
const wd = ratios('eventide', 'eventide-nowatchdog');
lines.push('', `Goals (issue 6): Eventide >= 3x Express (${g('eventide', 'express')}) and >= 1.5x Fastify (${g('eventide', 'fastify')}).`,
  `Watchdog cost (issue 7): with the watchdog on, Eventide serves ${median(wd).toFixed(2)}x the requests/s it serves with it off (rounds: ${wd.map((x) => x.toFixed(2)).join(', ')}).`);
lines.push('', 'Command: `benchmarks/web/web.sh' + (mode === 'quick' ? ' quick' : '') + '` (peers: benchmarks/web/eventide-users.java, express-users.js, fastify-users.js; npm versions pinned in benchmarks/web/package-lock.json).');
console.log(lines.join('\n'));
JS
cat "$out/section.md"
node benchmarks/lib/section.js benchmarks/RESULTS.md web "$out/section.md"
