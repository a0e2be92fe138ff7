// Rule: Promise.resolve(thenable) calls thenable.then in a microtask of its own (one turn),
// and the adopting promise's reactions run one turn after the thenable resolves it. Only the
// first call of resolve/reject counts, and a throw after resolving is ignored.
const thenable = {
  then(resolve, reject) {
    console.log('then-called');
    resolve('first');
    resolve('second');
    reject(new Error('ignored'));
    throw new Error('also-ignored');
  },
};
Promise.resolve(thenable).then((v) => console.log('adopted:' + v), (e) => console.log('rejected-never'));
Promise.resolve()
  .then(() => console.log('a1'))
  .then(() => console.log('a2'))
  .then(() => console.log('a3'));
console.log('sync');
