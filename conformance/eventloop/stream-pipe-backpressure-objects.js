// Rule: pipe() pauses the source when the destination's write() returns false and resumes on
// 'drain'; _read is called again only after the buffer drains below highWaterMark.
const { Readable, Writable } = require('stream');
let i = 0;
const r = new Readable({
  objectMode: true, highWaterMark: 2,
  read() { i++; console.log('_read:' + i); this.push(i <= 5 ? i : null); },
});
const w = new Writable({
  objectMode: true, highWaterMark: 2,
  write(chunk, enc, cb) { console.log('write:' + chunk); setImmediate(cb); },
});
w.on('drain', () => console.log('drain'));
r.on('pause', () => console.log('pause'));
r.on('resume', () => console.log('resume'));
w.on('finish', () => console.log('finish'));
r.pipe(w);
