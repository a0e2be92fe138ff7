// Rule: when the main script throws and 'uncaughtException' handles it, the ticks and promise
// jobs it queued still run before the first setImmediate (Node drains at the start of every
// check phase).
process.on('uncaughtException', (err) => console.log('uncaught:' + err.message));
setImmediate(() => console.log('immediate'));
process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('promise'));
throw new Error('main');
