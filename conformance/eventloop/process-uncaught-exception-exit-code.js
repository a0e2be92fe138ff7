// Rule: an exception with no 'uncaughtException' listener ends the process with code 1 after
// the 'exit' listeners ran (with code 1); nothing else runs: not the next immediate, not the
// pending timer.
process.on('exit', (code) => console.log('exit:' + code));
setTimeout(() => console.log('timeout-never'), 10000);
setImmediate(() => {
  console.log('throwing');
  throw new Error('fatal');
});
setImmediate(() => console.log('immediate2-never'));
