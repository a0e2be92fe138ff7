// Rule: a rejection with no handler when the microtask queue drains is reported as
// 'unhandledRejection'; attaching a handler later (here from a timer) runs the handler and then
// emits 'rejectionHandled' with the same promise, after that drain's microtasks.
let rejected;
process.on('unhandledRejection', (reason, promise) => {
  console.log('unhandled:' + reason.message + ':' + (promise === rejected));
  setTimeout(() => {
    console.log('attach-catch');
    promise.catch((e) => console.log('caught-late:' + e.message));
  }, 1);
});
process.on('rejectionHandled', (promise) => console.log('rejectionHandled:' + (promise === rejected)));
rejected = Promise.reject(new Error('late'));
process.on('exit', () => console.log('exit'));
