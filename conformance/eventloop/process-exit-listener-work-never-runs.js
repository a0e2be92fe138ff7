// Rule: once 'exit' is emitted the loop does not run again: nextTicks, immediates and timers
// queued by an 'exit' listener are dropped; the other 'exit' listeners still run, in order.
process.on('exit', (code) => {
  console.log('exit1:' + code);
  process.nextTick(() => console.log('tick-never'));
  setImmediate(() => console.log('immediate-never'));
  setTimeout(() => console.log('timeout-never'), 0);
});
process.on('exit', () => console.log('exit2'));
console.log('sync');
