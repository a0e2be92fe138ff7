// Rule: with an empty input, Promise.all and allSettled fulfil at once (their reactions run in
// the first microtask turn), any rejects at once with an AggregateError of no errors, and
// race stays pending forever without keeping the process alive.
Promise.resolve()
  .then(() => console.log('t1'))
  .then(() => console.log('t2'));
Promise.all([]).then((v) => console.log('all:' + v.length));
Promise.allSettled([]).then((v) => console.log('allSettled:' + v.length));
Promise.any([]).catch((e) => console.log('any:' + e.constructor.name + ':' + e.errors.length));
Promise.race([]).then(() => console.log('race-never'));
process.on('exit', () => console.log('exit'));
console.log('sync');
