// Rule: queueMicrotask callbacks and promise reactions share one FIFO queue: they run in the
// order they were queued, interleaved, and all after the nextTick queue.
Promise.resolve().then(() => console.log('p1'));
queueMicrotask(() => console.log('q1'));
Promise.resolve().then(() => console.log('p2'));
queueMicrotask(() => {
  console.log('q2');
  Promise.resolve().then(() => console.log('p3-from-q2'));
  queueMicrotask(() => console.log('q3-from-q2'));
});
process.nextTick(() => console.log('tick'));
console.log('sync');
