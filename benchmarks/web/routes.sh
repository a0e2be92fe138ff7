#!/usr/bin/env bash
# Route matching against hostile paths (issue 6): 1,000 routes of every Express 5 shape, and
# seven crafted 100 KiB paths (the worst cases for a backtracking matcher), each sent 20 times
# after 5 unmeasured rounds, one at a time: Eventide's web layer (through bin/eventide) and
# Express 5 (path-to-regexp 8), the server pinned to core 1 and the client to core 0. Writes the
# "web-routes" section of benchmarks/RESULTS.md. usage: benchmarks/web/routes.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
port=${WEB_BENCH_PORT:-18280}
(cd "$here" && [ -d node_modules/express ] || npm ci --no-audit --no-fund --silent)
cd "$root"
out=$(mktemp -d)
EVENTIDE_AOT=0 bin/eventide --version >/dev/null

start_peer() {
  case $1 in
    eventide) exec taskset -c 1 bin/eventide "$here/eventide-routes.java" "$port" ;;
    express) exec taskset -c 1 node --max-http-header-size=262144 "$here/express-routes.js" "$port" ;;
  esac
}
for peer in eventide express; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is taken" >&2; exit 1; fi
  (start_peer "$peer") >/dev/null 2>"$out/$peer.log" &
  pid=$!
  for _ in $(seq 1 300); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
  taskset -c 0 node "$here/routes-client.js" "$port" 20 5 >"$out/$peer.jsonl"
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  sleep 1
done

node - "$out" "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" "$(node --version)" >"$out/section.md" <<'JS'
const fs = require('fs');
const [dir, machine, nodeVersion] = process.argv.slice(2);
const read = (p) => fs.readFileSync(`${dir}/${p}.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const e = read('eventide'), x = read('express');
const lines = ['## web-routes (issue 6)', '',
  `Run on ${new Date().toISOString().slice(0, 10)}; ${machine}; node ${nodeVersion}; Express ${require(process.cwd() + '/benchmarks/web/node_modules/express/package.json').version}.`,
  '1,000 routes of every Express 5 shape (benchmarks/web/eventide-routes.java, express-routes.js); each crafted 100 KiB path sent 20 times after 5 unmeasured rounds, one request at a time on a keep-alive connection; ms to the complete answer (lower is better). Each path is tried against the routes in registration order until one matches (a wildcard or multi-parameter route deep in the list answers each of them), so every request walks hundreds of patterns over 100 KiB.', '',
  '| path (100 KiB of) | Eventide status | Eventide median ms | Eventide worst ms | Express status | Express median ms | Express worst ms |',
  '|---|---:|---:|---:|---:|---:|---:|'];
e.forEach((r, i) => lines.push(`| \`${r.kind}\` | ${r.status} | ${r.median.toFixed(2)} | ${r.max.toFixed(2)} | ${x[i].status} | ${x[i].median.toFixed(2)} | ${x[i].max.toFixed(2)} |`));
lines.push('', 'Command: `benchmarks/web/routes.sh`. The matching itself has no time assertion in the tests (web/src/test/java/dev/eventide/web/RedosTest.java checks that every crafted path is answered).');
console.log(lines.join('\n'));
JS
cat "$out/section.md"
node benchmarks/lib/section.js benchmarks/RESULTS.md web-routes "$out/section.md"
