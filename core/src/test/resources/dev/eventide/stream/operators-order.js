// map with concurrency 2: when each call starts and ends, and when results come out (in order).
const { Readable } = require('stream');
const log = (s) => console.log(s);
const later = (v, n) => new Promise((res) => { let k = n; const f = () => (k-- > 0 ? setImmediate(f) : res(v)); f(); });
const src = Readable.from([1, 2, 3, 4, 5]);
const out = src.map((x) => {
  log('start:' + x);
  return later(x, x % 2 ? 3 : 1).then((v) => { log('end:' + v); return v * 10; });
}, { concurrency: 2 });
out.on('data', (d) => log('data:' + d));
out.on('end', () => log('end'));
out.on('close', () => log('close'));
