// The same workloads as dev.eventide.benchmarks.EventsBenchmark: EventEmitter.emit('event', 1)
// with 1 and with 3 listeners, each listener adding its argument to a counter. Each workload runs
// batches of N emits for about WARMUP + MEASURE ms; the score is emits per second over the
// measured part. Prints one JSON line per workload.
'use strict';
const EventEmitter = require('events');
const N = 1000000;
const WARMUP_MS = Number(process.env.WARMUP_MS || 5000);
const MEASURE_MS = Number(process.env.MEASURE_MS || 10000);

function emitter(listeners, sink) {
  const ee = new EventEmitter();
  for (let i = 0; i < listeners; i++) ee.on('event', (a) => { sink.count += a; });
  return ee;
}

function measure(name, listeners) {
  const sink = { count: 0 };
  const ee = emitter(listeners, sink);
  const batch = () => { for (let i = 0; i < N; i++) ee.emit('event', 1); };
  const warmEnd = Date.now() + WARMUP_MS;
  do { batch(); } while (Date.now() < warmEnd);
  let runs = 0;
  const start = process.hrtime.bigint();
  const end = Date.now() + MEASURE_MS;
  do { batch(); runs++; } while (Date.now() < end);
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  if (sink.count === 0) throw new Error('listeners never ran');
  console.log(JSON.stringify({ benchmark: name, opsPerSec: (runs * N) / secs }));
}

measure('emitOneListener', 1);
measure('emitThreeListeners', 3);
