// Rule: writes made while corked are buffered and handed to _writev together on uncork; the
// callbacks of a writev batch are called in order after it completes.
const { Writable } = require('stream');
const w = new Writable({
  write(chunk, enc, cb) { console.log('_write:' + chunk); cb(); },
  writev(chunks, cb) {
    console.log('_writev:' + chunks.map((c) => String(c.chunk)).join(','));
    process.nextTick(cb);
  },
});
w.cork();
w.write('a', () => console.log('cb-a'));
w.write('b', () => console.log('cb-b'));
w.write('c', () => console.log('cb-c'));
console.log('corked:' + w.writableCorked + ':buffered:' + w.writableLength);
process.nextTick(() => { console.log('uncork'); w.uncork(); });
w.on('finish', () => console.log('finish'));
setImmediate(() => w.end('z'));
