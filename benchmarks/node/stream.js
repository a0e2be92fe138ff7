// The same workload as dev.eventide.benchmarks.StreamBenchmark: pipeline(Readable, Transform,
// Writable) moving 1 GiB in 64 KiB chunks. The readable pushes one preallocated 64 KiB buffer per
// _read, the transform hands each chunk on untouched, the writable counts bytes and calls back at
// once. highWaterMark is 64 KiB on every side (Node 22+'s default; node 20's is 16 KiB), as on the
// Eventide side. Repeats whole runs for about WARMUP + MEASURE ms; the score is runs per second
// (streams.sh turns it into MB/s). Prints one JSON line.
'use strict';
const { Readable, Transform, Writable, pipeline } = require('stream');
const CHUNK = Buffer.alloc(64 * 1024, 0x61);
const TOTAL = 2 ** 30;
const CHUNKS = TOTAL / CHUNK.length;
const HWM = 64 * 1024;
const WARMUP_MS = Number(process.env.WARMUP_MS || 5000);
const MEASURE_MS = Number(process.env.MEASURE_MS || 10000);

function run() {
  return new Promise((resolve, reject) => {
    let pushed = 0;
    let written = 0;
    const source = new Readable({
      highWaterMark: HWM,
      read() { this.push(pushed++ < CHUNKS ? CHUNK : null); },
    });
    const pass = new Transform({ highWaterMark: HWM, transform(chunk, enc, cb) { cb(null, chunk); } });
    const sink = new Writable({ highWaterMark: HWM, write(chunk, enc, cb) { written += chunk.length; cb(); } });
    pipeline(source, pass, sink, (err) => {
      if (err) reject(err);
      else if (written !== TOTAL) reject(new Error(`wrote ${written}`));
      else resolve();
    });
  });
}

(async () => {
  const warmEnd = Date.now() + WARMUP_MS;
  do { await run(); } while (Date.now() < warmEnd);
  let runs = 0;
  const start = process.hrtime.bigint();
  const end = Date.now() + MEASURE_MS;
  do { await run(); runs++; } while (Date.now() < end);
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({ benchmark: 'pipelineOneGiB', opsPerSec: runs / secs }));
})();
