// Rule: after a write fails, end(cb) calls back with the stored error, writes are refused,
// and 'error' is emitted once.
const { Writable } = require('stream');
const w = new Writable({
  autoDestroy: false,
  write(chunk, enc, cb) { console.log('_write:' + chunk); cb(new Error('disk-full')); },
});
w.on('error', (e) => console.log('error:' + e.message));
w.on('close', () => console.log('close-never'));
w.write('a', (e) => console.log('cb-a:' + e.message));
process.nextTick(() => {
  console.log('errored:' + (w.errored && w.errored.message));
  w.end((e) => console.log('end-cb:' + (e && e.message)));
  console.log('write-ret:' + w.write('b', (e) => console.log('cb-b:' + (e && e.code))));
});
