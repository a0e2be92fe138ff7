// Rule: readable.map with concurrency 2 runs at most two calls at once, starts the next call
// as soon as one settles, and emits the results in source order, not completion order.
const { Readable } = require('stream');
const later = (v, n) => new Promise((res) => { let k = n; const f = () => (k-- > 0 ? setImmediate(f) : res(v)); f(); });
let active = 0;
Readable.from([1, 2, 3, 4]).map(async (x) => {
  active++;
  console.log('start:' + x + ' active:' + active);
  await later(x, x === 1 ? 4 : 1);
  active--;
  console.log('settled:' + x);
  return x * 100;
}, { concurrency: 2 }).toArray().then((all) => console.log('result:' + all.join(',')));
console.log('sync');
