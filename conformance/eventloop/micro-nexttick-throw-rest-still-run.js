// Rule: an exception thrown by a nextTick callback goes to 'uncaughtException'; the ticks and
// microtasks that were queued behind it still run afterwards, before the next phase.
process.on('uncaughtException', (err, origin) => console.log('uncaught:' + err.message + ':' + origin));
setImmediate(() => console.log('immediate'));
process.nextTick(() => {
  console.log('tick1');
  throw new Error('tickboom');
});
process.nextTick(() => console.log('tick2'));
Promise.resolve().then(() => console.log('promise'));
console.log('sync');
