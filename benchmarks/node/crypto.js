// The same workloads as dev.eventide.benchmarks.CryptoBenchmark: each round starts 32 async
// pbkdf2(sha512, 100,000 iterations, 64 bytes) jobs on libuv's pool and waits for all of them;
// the score is jobs per second over the measured rounds. Prints one JSON line per workload.
'use strict';
const crypto = require('crypto');
const WARMUP_MS = Number(process.env.WARMUP_MS || 6000);
const MEASURE_MS = Number(process.env.MEASURE_MS || 10000);
const JOBS = 32;

function pbkdf2x32(done) {
  let left = JOBS;
  for (let i = 0; i < JOBS; i++) {
    crypto.pbkdf2('password' + i, 'salt', 100000, 64, 'sha512', (err) => {
      if (err) throw err;
      if (--left === 0) done();
    });
  }
}

function measure(name, round, ops) {
  return new Promise((resolve) => {
    let phase = 'warmup';
    let start = process.hrtime.bigint();
    let count = 0;
    const next = () => {
      const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
      if (phase === 'warmup' && elapsed >= WARMUP_MS) {
        phase = 'measure'; start = process.hrtime.bigint(); count = 0;
      } else if (phase === 'measure' && elapsed >= MEASURE_MS) {
        console.log(JSON.stringify({ benchmark: name, opsPerSec: (count * ops) / (elapsed / 1000) }));
        resolve();
        return;
      }
      count++;
      round(next);
    };
    round(next);
  });
}

(async () => {
  await measure('pbkdf2Sha512x32', pbkdf2x32, JOBS);
})();
