// Rule: process.exit(code) inside a callback emits 'exit' with that code at once and ends the
// process: the rest of the callback, its nextTicks and promise reactions, the other due timers
// and 'beforeExit' never run.
process.on('beforeExit', () => console.log('beforeExit-never'));
process.on('exit', (code) => console.log('exit:' + code));
setTimeout(() => {
  console.log('t1');
  process.nextTick(() => console.log('tick-never'));
  Promise.resolve().then(() => console.log('promise-never'));
  process.exit(3);
  console.log('after-exit-never');
}, 1);
setTimeout(() => console.log('t2-never'), 1);
