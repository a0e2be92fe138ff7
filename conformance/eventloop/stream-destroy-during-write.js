// Rule: destroy(err) while a write is in progress: buffered writes' callbacks get the error,
// then 'error' and 'close' come together in a later tick; no 'finish'.
const { Writable } = require('stream');
let pending;
const w = new Writable({
  write(chunk, enc, cb) {
    console.log('_write:' + chunk);
    pending = cb;
  },
});
w.on('error', (e) => console.log('error:' + e.message));
w.on('close', () => console.log('close'));
w.on('finish', () => console.log('finish-never'));
w.write('a', (e) => console.log('cb-a:' + (e && e.message)));
w.write('b', (e) => console.log('cb-b:' + (e && e.message)));
w.write('c', (e) => console.log('cb-c:' + (e && e.message)));
process.nextTick(() => {
  console.log('destroying');
  w.destroy(new Error('kill'));
  console.log('destroyed:' + w.destroyed);
  pending();
});
