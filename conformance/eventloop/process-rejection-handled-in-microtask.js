// Rule: a rejected promise that gets a handler before the microtask queue has drained (here
// from a promise reaction queued before it was rejected) is not reported at all.
process.on('unhandledRejection', () => console.log('unhandled-never'));
process.on('rejectionHandled', () => console.log('rejectionHandled-never'));
let p;
Promise.resolve().then(() => {
  console.log('attach');
  p.catch((e) => console.log('caught:' + e.message));
});
p = Promise.reject(new Error('early'));
setImmediate(() => console.log('immediate'));
console.log('sync');
