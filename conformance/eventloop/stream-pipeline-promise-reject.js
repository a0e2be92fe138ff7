// Rule: the promise form of pipeline rejects with the source's error after both streams are
// destroyed; the destination sees no 'finish'.
const { Readable, Writable } = require('stream');
const { pipeline } = require('stream/promises');
const r = new Readable({
  read() { this.destroy(new Error('source-failed')); },
});
const w = new Writable({ write(chunk, enc, cb) { cb(); } });
w.on('finish', () => console.log('finish-never'));
w.on('close', () => console.log('w-close'));
r.on('close', () => console.log('r-close'));
pipeline(r, w).then(
  () => console.log('resolved-never'),
  (e) => console.log('rejected:' + e.message + ':' + w.destroyed),
);
console.log('sync');
