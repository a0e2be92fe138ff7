// Rule: finally() runs its callback on either outcome, then passes the original value or
// reason through, which costs extra microtask turns compared with a plain then(); a throw in
// the callback replaces the outcome.
Promise.resolve('v')
  .finally(() => console.log('finally-fulfilled'))
  .then((v) => console.log('after-finally:' + v));
Promise.reject(new Error('r'))
  .finally(() => console.log('finally-rejected'))
  .catch((e) => console.log('after-finally-caught:' + e.message));
Promise.resolve('x')
  .finally(() => { throw new Error('from-finally'); })
  .catch((e) => console.log('replaced:' + e.message));
Promise.resolve()
  .then(() => console.log('t1'))
  .then(() => console.log('t2'))
  .then(() => console.log('t3'))
  .then(() => console.log('t4'))
  .then(() => console.log('t5'));
console.log('sync');
