// Rule: a stream with _construct holds back _write and _final until the construct callback runs
// (writes before that are buffered and write() still returns true below the highWaterMark), and
// a destroy() during construction waits for the callback before _destroy runs.
const { Writable } = require('stream');
const w = new Writable({
  construct(cb) { console.log('construct'); setImmediate(() => { console.log('construct-done'); cb(); }); },
  write(chunk, enc, cb) { console.log('write:' + chunk); cb(); },
  final(cb) { console.log('final'); cb(); },
});
console.log('write-returns:' + w.write('a'));
w.end('b', () => console.log('end-cb'));
w.on('finish', () => console.log('finish'));
w.on('close', () => {
  console.log('close');
  const d = new Writable({
    construct(cb) { setTimeout(() => { console.log('d-construct-done'); cb(); }, 1); },
    destroy(err, cb) { console.log('d-destroy'); cb(err); },
  });
  d.on('close', () => console.log('d-close'));
  d.destroy();
  console.log('d-destroyed:' + d.destroyed);
});
process.nextTick(() => console.log('tick'));
console.log('sync');
