// Rule: an exception thrown by a queueMicrotask callback is reported to 'uncaughtException'
// right away, and the microtasks queued behind it still run in the same drain.
process.on('uncaughtException', (err, origin) => console.log('uncaught:' + err.message + ':' + origin));
queueMicrotask(() => {
  console.log('m1');
  throw new Error('mboom');
});
queueMicrotask(() => console.log('m2'));
Promise.resolve().then(() => console.log('p1'));
setImmediate(() => console.log('immediate'));
console.log('sync');
