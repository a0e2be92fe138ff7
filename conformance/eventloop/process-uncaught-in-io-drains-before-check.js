// Rule: when an I/O callback throws and 'uncaughtException' handles it, the ticks and promise
// jobs it queued run before the check phase's immediates.
process.on('uncaughtException', (err) => console.log('uncaught:' + err.message));
const fs = require('fs');
fs.readFile(__filename, () => {
  setImmediate(() => console.log('immediate'));
  process.nextTick(() => console.log('tick'));
  Promise.resolve().then(() => console.log('promise'));
  throw new Error('io');
});
