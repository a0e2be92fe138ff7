// Rule: when a nextTick callback throws and 'uncaughtException' handles it, the ticks and
// promise jobs queued behind it do not run right after the handler: they run after the next
// callback the loop invokes (here the due timer), before the check phase.
process.on('uncaughtException', (err) => console.log('uncaught:' + err.message));
setTimeout(() => console.log('timeout'), 1);
setImmediate(() => console.log('immediate'));
process.nextTick(() => { console.log('tick1'); throw new Error('b'); });
process.nextTick(() => console.log('tick2'));
Promise.resolve().then(() => console.log('promise'));
const s = Date.now(); while (Date.now() - s < 3);
