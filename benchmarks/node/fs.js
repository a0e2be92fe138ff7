// The same workloads as dev.eventide.benchmarks.FsBenchmark: readFile of 1,000 small files (all
// in flight at once with Promise.all; score = files per second) and createReadStream of the 1 GiB
// file (score = streams per second). Files are made by benchmarks/fs.sh in $FS_BENCH_DIR.
// Each workload repeats whole runs for about WARMUP + MEASURE ms. Prints one JSON line each.
'use strict';
const fs = require('fs');
const DIR = process.env.FS_BENCH_DIR || '/tmp/eventide-fs-bench';
const WARMUP_MS = Number(process.env.WARMUP_MS || 9000);
const MEASURE_MS = Number(process.env.MEASURE_MS || 15000);
const FILES = 1000;
const small = Array.from({ length: FILES }, (_, i) => `${DIR}/small/${i}.txt`);

async function readFileSmall() {
  const all = await Promise.all(small.map((f) => fs.promises.readFile(f)));
  return all.reduce((n, b) => n + b.length, 0);
}

function readStreamBig() {
  return new Promise((resolve, reject) => {
    let n = 0;
    fs.createReadStream(`${DIR}/big.bin`).on('data', (c) => { n += c.length; })
      .on('error', reject).on('close', () => (n === 2 ** 30 ? resolve(n) : reject(new Error(`read ${n}`))));
  });
}

async function measure(name, fn, opsPerRun) {
  const until = Date.now() + WARMUP_MS;
  do { await fn(); } while (Date.now() < until);
  let runs = 0;
  const start = process.hrtime.bigint();
  const end = Date.now() + MEASURE_MS;
  do { await fn(); runs++; } while (Date.now() < end);
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({ benchmark: name, opsPerSec: (runs * opsPerRun) / secs }));
}

(async () => {
  await measure('readFileSmall', readFileSmall, FILES);
  await measure('readStreamBig', readStreamBig, 1);
})();
