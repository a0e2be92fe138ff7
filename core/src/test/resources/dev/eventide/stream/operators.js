// Node 20's readable operators: results, ordering against setImmediate, concurrency, errors.
const { Readable } = require('stream');
const log = (s) => console.log(s);
const later = (v, n) => new Promise((res) => { let k = n; const f = () => (k-- > 0 ? setImmediate(f) : res(v)); f(); });
async function main() {
  log('map:' + (await Readable.from([1, 2, 3]).map((x) => x * 2).toArray()).join(','));
  log('map-async:' + (await Readable.from([1, 2, 3]).map((x) => later(x * 10, 3 - x)).toArray()).join(','));
  let active = 0, peak = 0;
  const conc = await Readable.from([1, 2, 3, 4, 5, 6]).map(async (x) => {
    active++; peak = Math.max(peak, active);
    await later(0, 7 - x);
    active--; return 'v' + x;
  }, { concurrency: 3 }).toArray();
  log('concurrency:' + conc.join(',') + ' peak:' + peak);
  log('filter:' + (await Readable.from([1, 2, 3, 4]).filter((x) => x % 2 === 0).toArray()).join(','));
  log('filter-async:' + (await Readable.from([1, 2, 3, 4]).filter((x) => later(x > 2, 1)).toArray()).join(','));
  await Readable.from(['a', 'b']).forEach((x) => log('each:' + x));
  log('some:' + (await Readable.from([1, 2, 3]).some((x) => x > 1)));
  log('some-none:' + (await Readable.from([1, 2, 3]).some((x) => x > 5)));
  log('every:' + (await Readable.from([1, 2, 3]).every((x) => x > 0)));
  log('every-not:' + (await Readable.from([1, 2, 3]).every((x) => x < 2)));
  log('find:' + (await Readable.from([1, 2, 3, 4]).find((x) => x > 2)));
  log('find-none:' + (await Readable.from([1, 2]).find((x) => x > 2)));
  log('flatMap:' + (await Readable.from([1, 2]).flatMap((x) => [x, x * 10]).toArray()).join(','));
  log('drop:' + (await Readable.from([1, 2, 3, 4]).drop(2).toArray()).join(','));
  log('take:' + (await Readable.from([1, 2, 3, 4]).take(2).toArray()).join(','));
  log('reduce:' + (await Readable.from([1, 2, 3]).reduce((a, x) => a + x, 10)));
  log('reduce-first:' + (await Readable.from([1, 2, 3]).reduce((a, x) => later(a * x, 1))));
  try { await Readable.from([]).reduce((a, x) => a + x); } catch (e) { log('reduce-empty:' + e.code); }
  const src = Readable.from([1, 2, 3, 4]);
  const mapped = src.map((x) => { if (x === 2) throw new Error('bad:' + x); return x; });
  mapped.on('data', (d) => log('data:' + d));
  mapped.on('error', (e) => log('error:' + e.message));
  mapped.on('close', () => log('mapped-close:' + src.destroyed));
  await new Promise((res) => mapped.on('close', res));
  await new Promise((res) => setImmediate(res));
  log('src-closed:' + src.closed);
  try { await Readable.from([1, 2]).forEach(async (x) => { throw new Error('each-fail:' + x); }); } catch (e) { log('forEach-rejects:' + e.message); }
  const taken = Readable.from([1, 2, 3]);
  await taken.take(1).toArray();
  log('take-destroys-source:' + taken.destroyed);
}
main().then(() => log('done'));
