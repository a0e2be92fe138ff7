// Operators and errors: a failing source, a throwing reducer, an early some(), a destroyed result.
const { Readable, Duplex } = require('stream');
const log = (s) => console.log(s);
const failing = () => new Readable({ objectMode: true, read() { this.push(1); this.destroy(new Error('src-broke')); } });
async function main() {
  const m = failing().map((x) => x);
  await new Promise((res) => { m.on('error', (e) => log('map-error:' + e.message)); m.on('close', res); m.resume(); });
  try { await failing().toArray(); } catch (e) { log('toArray-rejects:' + e.message); }
  const s1 = Readable.from([1, 2, 3]);
  try { await s1.reduce((a, x) => { throw new Error('reducer:' + x); }, 0); } catch (e) { log('reduce-rejects:' + e.message); }
  await new Promise((res) => setImmediate(res));
  log('reduce-source-destroyed:' + s1.destroyed + ' errored:' + (s1.errored && s1.errored.code));
  const s2 = Readable.from([1, 2, 3, 4]);
  log('some:' + (await s2.some((x) => x === 2)));
  await new Promise((res) => setImmediate(res));
  log('some-source-destroyed:' + s2.destroyed + ' errored:' + (s2.errored && s2.errored.code));
  const s3 = Readable.from([1, 2, 3]);
  const mapped = s3.map((x) => x);
  mapped.once('data', (d) => { log('first:' + d); mapped.destroy(); });
  await new Promise((res) => mapped.on('close', res));
  await new Promise((res) => setImmediate(res));
  log('destroyed-result-source:' + s3.destroyed + ' errored:' + (s3.errored && s3.errored.code));
  const d = new Duplex({
    objectMode: true,
    construct(cb) { log('d-construct'); setImmediate(cb); },
    read() { log('d-read'); this.push('r'); this.push(null); },
    write(c, e, cb) { log('d-write:' + c); cb(); },
  });
  d.write('w');
  d.end();
  d.on('data', (c) => log('d-data:' + c));
  d.on('finish', () => log('d-finish'));
  d.on('end', () => log('d-end'));
  await new Promise((res) => d.on('close', res));
  log('d-close');
}
main().then(() => log('done'));
