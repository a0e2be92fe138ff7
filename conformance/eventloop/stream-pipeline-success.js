// Rule: pipeline() calls back after the last stream finished; each stream's close and the
// callback come in Node's order.
const { Readable, Transform, Writable, pipeline } = require('stream');
const r = Readable.from(['x', 'y']);
const t = new Transform({
  transform(chunk, enc, cb) { cb(null, String(chunk).toUpperCase()); },
});
const w = new Writable({ write(chunk, enc, cb) { console.log('write:' + chunk); cb(); } });
r.on('end', () => console.log('r-end'));
t.on('end', () => console.log('t-end'));
t.on('finish', () => console.log('t-finish'));
w.on('finish', () => console.log('w-finish'));
r.on('close', () => console.log('r-close'));
t.on('close', () => console.log('t-close'));
w.on('close', () => console.log('w-close'));
pipeline(r, t, w, (err) => console.log('callback:' + err));
