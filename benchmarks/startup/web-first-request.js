// Starts `bin/eventide examples/demo.java` and times, from the spawn: the "demo listening" line on
// stderr, the first request (POST /api/notes: json() body, validate(), Jackson response, session,
// rate limit, logger...) and a second one; then SIGTERM and wait for the exit. Prints one JSON
// line with the times (ms) and the BlockedLoopWarning the watchdog printed, if any.
// usage: node web-first-request.js ROOT PORT   (environment passed through: EVENTIDE_*)
'use strict';
const { spawn } = require('child_process');
const http = require('http');

const [root, port] = process.argv.slice(2);
const now = () => Number(process.hrtime.bigint()) / 1e6;

function request(method, path, body) {
  return new Promise((resolve, reject) => {
    const start = now();
    const req = http.request({ host: '127.0.0.1', port, method, path, agent: false,
      headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, ms: now() - start, end: now() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const t0 = now();
const child = spawn(`${root}/bin/eventide`, [`${root}/examples/demo.java`], {
  env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
let stderr = '';
let started = false;
child.stderr.on('data', async (chunk) => {
  stderr += chunk;
  if (started || !stderr.includes('demo listening')) return;
  started = true;
  const listening = now() - t0;
  const first = await request('POST', '/api/notes', '{"title":"first","tags":["demo"]}');
  const second = await request('GET', '/api/notes/1');
  // The watchdog reports a blocked callback once it has returned: give it a moment to print.
  setTimeout(() => child.kill('SIGTERM'), 300);
  child.on('exit', (code) => {
    const blocked = [...stderr.matchAll(/\[EVENTIDE_BLOCKED_LOOP\].*?blocked for (\d+) ms/g)].map((m) => Number(m[1]));
    console.log(JSON.stringify({ listening, firstMs: first.ms, firstResponse: first.end - t0, secondMs: second.ms,
      statuses: [first.status, second.status], warnings: blocked.length, blockedMs: blocked, exit: code }));
  });
});
child.on('exit', (code) => {
  if (!started) {
    console.error(`the demo exited (${code}) before listening:\n${stderr}`);
    process.exit(1);
  }
});
setTimeout(() => { console.error(`no answer within 120 s:\n${stderr}`); child.kill('SIGKILL'); process.exit(1); }, 120_000).unref();
