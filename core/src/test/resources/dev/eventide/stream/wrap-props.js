// readable.wrap(oldStream) with backpressure, and the state properties along a stream's life.
const { Readable, Writable, Duplex, isDisturbed, isErrored, isReadable } = require('stream');
const EventEmitter = require('events');
const log = (s) => console.log(s);
const old = new EventEmitter();
old.pause = () => log('old-pause');
old.resume = () => log('old-resume');
const r = new Readable({ highWaterMark: 2, objectMode: true }).wrap(old);
log('disturbed:' + isDisturbed(r) + ' readable:' + isReadable(r));
old.emit('data', 'a');
old.emit('data', 'b');
old.emit('data', 'c');
log('length:' + r.readableLength);
r.on('data', (d) => log('data:' + d));
r.on('end', () => log('end:' + r.readableEnded + ' didRead:' + r.readableDidRead + ' disturbed:' + isDisturbed(r)));
r.on('close', () => {
  log('close:' + r.closed + ' aborted:' + r.readableAborted + ' readable:' + isReadable(r));
  const w = new Writable({ highWaterMark: 1, write(c, e, cb) { setImmediate(cb); } });
  w.cork();
  log('corked:' + w.writableCorked + ' needDrain:' + w.writableNeedDrain);
  w.uncork();
  w.write('xy');
  log('needDrain:' + w.writableNeedDrain + ' aborted:' + w.writableAborted);
  w.on('error', (e) => log('w-error:' + e.message));
  w.destroy(new Error('kaput'));
  log('errored:' + w.errored.message + ' aborted:' + w.writableAborted + ' isErrored:' + isErrored(w));
  w.on('close', () => {
    log('w-closed:' + w.closed);
    const d = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
    d.cork();
    log('duplex corked:' + d.writableCorked + ' readableAborted:' + d.readableAborted);
    d.destroy();
    log('duplex readableAborted:' + d.readableAborted + ' isErrored:' + isErrored(d));
  });
});
setImmediate(() => { old.emit('data', 'd'); old.emit('end'); });
