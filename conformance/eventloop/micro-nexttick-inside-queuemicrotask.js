// Rule: a nextTick queued from a queueMicrotask callback waits until the whole microtask
// queue is empty (including microtasks queued meanwhile), as for promise reactions.
queueMicrotask(() => {
  console.log('m1');
  process.nextTick(() => console.log('tick-from-m1'));
  queueMicrotask(() => console.log('m3-from-m1'));
});
queueMicrotask(() => console.log('m2'));
console.log('sync');
