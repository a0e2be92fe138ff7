// Rule: an error in the middle stream of pipeline() destroys every stream; the callback gets
// the error after the streams were destroyed; 'close' events come in a later tick.
const { Readable, Transform, Writable, pipeline } = require('stream');
const r = Readable.from(['a', 'b', 'c']);
const t = new Transform({
  transform(chunk, enc, cb) {
    console.log('transform:' + chunk);
    if (String(chunk) === 'b') cb(new Error('boom')); else cb(null, chunk);
  },
});
const w = new Writable({ write(chunk, enc, cb) { console.log('write:' + chunk); cb(); } });
r.on('close', () => console.log('r-close'));
t.on('close', () => console.log('t-close'));
w.on('close', () => console.log('w-close'));
t.on('error', (e) => console.log('t-error:' + e.message));
pipeline(r, t, w, (err) => {
  console.log('callback:' + (err && err.message));
  console.log('destroyed:' + r.destroyed + ',' + t.destroyed + ',' + w.destroyed);
});
console.log('sync');
