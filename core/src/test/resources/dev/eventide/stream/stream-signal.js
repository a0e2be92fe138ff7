// stream.addAbortSignal, the signal option of the constructors, finished(stream, {signal}) and
// stream/promises pipeline(..., {signal}): aborted before and while running.
const { Readable, Writable, Duplex, Transform, PassThrough, addAbortSignal, finished } = require('stream');
const promises = require('stream/promises');
const reason = (e) => e.cause === undefined ? 'none' : e.cause.message;
const show = (tag, e) => console.log(tag + ':' + e.name + ':' + e.code + ':' + reason(e));
const c1 = new AbortController();
const r = addAbortSignal(c1.signal, new Readable({ read() {} }));
r.on('error', (e) => show('r-error', e));
r.on('close', () => console.log('r-close:' + r.destroyed));
c1.abort(new Error('stop'));
console.log('r-destroyed:' + r.destroyed);
const w = new Writable({ write(c, e, cb) { cb(); }, signal: AbortSignal.abort() });
console.log('w-destroyed:' + w.destroyed);
w.on('error', (e) => show('w-error', e));
const c2 = new AbortController();
const d = new Duplex({ read() {}, write(c, e, cb) { cb(); }, signal: c2.signal });
d.on('error', (e) => show('d-error', e));
d.on('close', () => console.log('d-close'));
const t = new Transform({ transform(c, e, cb) { cb(null, c); }, signal: c2.signal });
t.on('error', (e) => show('t-error', e));
c2.abort(new Error('both'));
const c3 = new AbortController();
const done = new Readable({ read() { this.push(null); }, signal: c3.signal });
done.resume();
done.on('end', () => console.log('done-end'));
done.on('close', () => { c3.abort(); console.log('done-close:' + done.errored); });
setImmediate(() => {
  const f = new PassThrough();
  finished(f, { signal: AbortSignal.abort(new Error('pre')) }, (e) => show('finished-before', e));
  const c4 = new AbortController();
  const g = new PassThrough();
  finished(g, { signal: c4.signal }, (e) => { show('finished-during', e); console.log('g-destroyed:' + g.destroyed); });
  c4.abort(new Error('mid'));
  const c5 = new AbortController();
  const src = new Readable({ read() {} });
  const dst = new Writable({ write(c, e, cb) { console.log('wrote:' + c); cb(); } });
  src.push('a');
  promises.pipeline(src, dst, { signal: c5.signal }).catch((e) => {
    show('pipeline-during', e);
    console.log('destroyed:' + src.destroyed + ',' + dst.destroyed);
  });
  setImmediate(() => c5.abort(new Error('cut')));
  setTimeout(() => {
    const a = new Readable({ read() {} });
    const b = new PassThrough();
    promises.pipeline(a, b, { signal: AbortSignal.abort() }).catch((e) => {
      show('pipeline-before', e);
      console.log('destroyed:' + a.destroyed + ',' + b.destroyed);
    });
  }, 5);
});
