// Rule: when the last immediate of a check phase throws (and 'uncaughtException' handles it),
// Node retries its immediate processing, which picks up the immediates queued during this
// phase: they run now, before the timer that became due meanwhile, and the ticks left behind
// run after the first of them.
process.on('uncaughtException', (err) => console.log('uncaught:' + err.message));
setImmediate(() => {
  setTimeout(() => console.log('timeout'), 0);
  setImmediate(() => console.log('immediate2'));
  process.nextTick(() => console.log('tick'));
  Promise.resolve().then(() => console.log('promise'));
  const s = Date.now(); while (Date.now() - s < 3);
  throw new Error('imm');
});
