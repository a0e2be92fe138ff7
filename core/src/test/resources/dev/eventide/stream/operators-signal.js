// The promise-returning operators with {signal}: toArray, forEach, some, every, reduce.
const { Readable } = require('stream');
const log = (s) => console.log(s);
const tick = () => new Promise((r) => setImmediate(r));
const st = (s) => 'destroyed:' + s.destroyed + ' errored:' + (s.errored && s.errored.code);
const desc = (e) => e.name + ':' + e.code + ' cause:' + (e.cause ? e.cause.name : 'none');
async function main() {
  let s = Readable.from([1, 2, 3]);
  try { await s.toArray({ signal: AbortSignal.abort() }); } catch (e) { log('toArray:' + desc(e)); }
  await tick();
  log('toArray-src ' + st(s));
  log('toArray-empty:' + (await Readable.from([]).toArray({ signal: AbortSignal.abort() })).length);
  log('toArray-null:' + (await Readable.from([1, 2]).toArray({ signal: null })).join(','));
  s = Readable.from([1, 2, 3]);
  try { await s.forEach((x) => log('forEach-fn:' + x), { signal: AbortSignal.abort() }); } catch (e) { log('forEach:' + desc(e)); }
  await tick();
  log('forEach-src ' + st(s));
  const ac = new AbortController();
  s = Readable.from([1, 2, 3]);
  try {
    await s.forEach((x, { signal }) => {
      log('fe:' + x + ' aborted:' + signal.aborted);
      if (x === 2) { ac.abort(); log('fe-signal-now:' + signal.aborted); }
    }, { signal: ac.signal });
  } catch (e) { log('forEach-mid:' + desc(e)); }
  await tick();
  log('forEach-mid-src ' + st(s));
  log('some-arg:' + (await Readable.from([1, 2]).some((x, o) => o.signal instanceof AbortSignal && x === 2)));
  log('every-arg:' + (await Readable.from([1, 2]).every((x, o) => o.signal instanceof AbortSignal)));
  try { await Readable.from([1]).find((x) => true, { signal: AbortSignal.abort() }); } catch (e) { log('find:' + desc(e)); }
  s = Readable.from([1, 2, 3]);
  s.on('error', (e) => log('reduce-src-error:' + e.code));
  s.on('close', () => log('reduce-src-close'));
  try { await s.reduce((a, x) => { log('reducer-called'); return a + x; }, 0, { signal: AbortSignal.abort() }); } catch (e) { log('reduce:' + desc(e)); }
  let seen;
  const sum = await Readable.from([1, 2, 3]).reduce((a, x, { signal }) => { seen = signal; log('r:' + x + ' aborted:' + signal.aborted); return a + x; }, 0, { signal: new AbortController().signal });
  log('reduce-sum:' + sum + ' signal-after:' + seen.aborted);
  const ac2 = new AbortController();
  s = Readable.from([1, 2, 3]);
  try {
    await s.reduce((a, x, { signal }) => {
      if (x === 2) { ac2.abort(); log('r2-signal-now:' + signal.aborted); }
      return a + x;
    }, 0, { signal: ac2.signal });
  } catch (e) { log('reduce-mid:' + desc(e)); }
  await tick();
  log('reduce-mid-src ' + st(s));
}
main().then(() => log('done'));
