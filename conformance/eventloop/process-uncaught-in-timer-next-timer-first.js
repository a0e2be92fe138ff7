// Rule: when a timer throws (and 'uncaughtException' handles it), the next due timer runs
// before the ticks and promise jobs the throwing timer queued; they run after it, before the
// timer after that.
process.on('uncaughtException', (err) => console.log('uncaught:' + err.message));
setImmediate(() => console.log('immediate-main'));
setTimeout(() => {
  Promise.resolve().then(() => console.log('promise-a'));
  process.nextTick(() => console.log('tick-a'));
  console.log('A');
  throw new Error('boom');
}, 1);
setTimeout(() => console.log('B'), 1);
setTimeout(() => console.log('C'), 1);
const s = Date.now(); while (Date.now() - s < 3);
