// The stream-returning operators with {signal}: map, filter, flatMap, drop, take.
const { Readable } = require('stream');
const log = (s) => console.log(s);
const tick = () => new Promise((r) => setImmediate(r));
const st = (s) => 'destroyed:' + s.destroyed + ' errored:' + (s.errored && s.errored.code);
const desc = (e) => e.name + ':' + e.code + ' cause:' + (e.cause ? e.cause.name : 'none');
const drain = (name, r) => new Promise((res) => {
  r.on('data', (d) => log(name + '-data:' + d));
  r.on('error', (e) => log(name + '-error:' + desc(e)));
  r.on('close', res);
});
async function main() {
  let s = Readable.from([1, 2, 3]);
  const ac = new AbortController();
  const m = s.map(async (x, { signal }) => {
    log('map-fn:' + x + ' aborted:' + signal.aborted + ' same:' + (signal === ac.signal));
    if (x === 2) { ac.abort(); log('map-fn-signal-now:' + signal.aborted); }
    await tick();
    return x * 10;
  }, { signal: ac.signal });
  await drain('map', m);
  await tick();
  log('map-src ' + st(s));
  let fnSignal;
  s = Readable.from([1, 2, 3]);
  const m2 = s.map((x, { signal }) => { fnSignal = signal; return x; });
  m2.once('data', () => m2.destroy());
  await new Promise((r) => m2.on('close', r));
  await tick();
  log('no-signal-destroyed fn-signal-aborted:' + fnSignal.aborted);
  const ac3 = new AbortController();
  s = new Readable({ objectMode: true, read() {} });
  s.on('close', () => log('idle-src-close'));
  const m3 = s.map((x) => { log('idle-fn:' + x); return x; }, { signal: ac3.signal, concurrency: 2 });
  const d3 = drain('idle', m3);
  await tick();
  ac3.abort();
  log('idle-aborted');
  await tick();
  s.push(7);
  await d3;
  await tick();
  log('idle-src ' + st(s));
  s = Readable.from([1, 2, 3, 4]);
  await drain('filter', s.filter((x) => x % 2 === 0, { signal: AbortSignal.abort() }));
  await tick();
  log('filter-src ' + st(s));
  await drain('flatMap', Readable.from([1, 2]).flatMap((x, { signal }) => [x, signal.aborted], { signal: null }));
  s = Readable.from([1, 2, 3]);
  await drain('drop', s.drop(1, { signal: AbortSignal.abort() }));
  await tick();
  log('drop-src ' + st(s));
  const ac4 = new AbortController();
  s = Readable.from([1, 2, 3, 4]);
  const t = s.take(3, { signal: ac4.signal });
  t.on('data', (d) => { if (d === 2) ac4.abort(); });
  await drain('take', t);
  await tick();
  log('take-src ' + st(s));
}
main().then(() => log('done'));
