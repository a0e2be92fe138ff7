// The same workloads as dev.eventide.benchmarks.LoopBenchmark, measured the same way: each
// workload runs whole chains of N callbacks for about WARMUP + MEASURE seconds; the score is
// callbacks per second over the measured part. Prints one JSON line per workload.
'use strict';
const N = 100000;
const WARMUP_MS = Number(process.env.WARMUP_MS || 6000);
const MEASURE_MS = Number(process.env.MEASURE_MS || 10000);

function setImmediateChain(done) {
  let count = 0;
  function step() { if (++count < N) setImmediate(step); else done(); }
  step();
}

function nextTickChain(done) {
  let count = 0;
  function step() { if (++count < N) process.nextTick(step); else setImmediate(done); }
  step();
}

function promiseThenChain(done) {
  let p = Promise.resolve(0);
  for (let i = 0; i < N; i++) p = p.then((v) => v + 1);
  p.then(() => setImmediate(done));
}

function setTimeoutZeroBatches(done) {
  let count = 0;
  function batch() {
    for (let i = 0; i < 1000; i++) {
      const last = i === 999;
      setTimeout(() => {
        count++;
        if (last) { if (count < N) batch(); else done(); }
      }, 0);
    }
  }
  batch();
}

function insertCancelSameDuration(done) {
  const timers = new Array(N);
  for (let i = 0; i < N; i++) timers[i] = setTimeout(() => {}, 5000);
  for (let i = 0; i < N; i++) clearTimeout(timers[i]);
  setImmediate(done);
}

const workloads = { setImmediateChain, nextTickChain, promiseThenChain, setTimeoutZeroBatches,
  insertCancelSameDuration };

function measure(name, fn, cb) {
  const start = process.hrtime.bigint();
  let measuredStart = 0n;
  let runs = 0;
  function again() {
    const now = process.hrtime.bigint();
    const elapsedMs = Number(now - start) / 1e6;
    if (measuredStart === 0n && elapsedMs >= WARMUP_MS) { measuredStart = now; runs = 0; }
    if (measuredStart !== 0n && Number(now - measuredStart) / 1e6 >= MEASURE_MS) {
      const secs = Number(now - measuredStart) / 1e9;
      console.log(JSON.stringify({ benchmark: name, opsPerSec: (runs * N) / secs }));
      return cb();
    }
    runs++;
    fn(again);
  }
  fn(again);
}

const only = process.argv[2];
const names = Object.keys(workloads).filter((n) => !only || n === only);
(function next(i) { if (i < names.length) measure(names[i], workloads[names[i]], () => next(i + 1)); })(0);
