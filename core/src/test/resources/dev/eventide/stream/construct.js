const { Writable, Readable } = require('stream');
const log = (s) => console.log(s);
class W extends Writable {
  _construct(cb) { log('construct'); setImmediate(() => { log('constructed'); cb(); }); }
  _write(c, e, cb) { log('write:' + c); cb(); }
  _final(cb) { log('final'); cb(); }
}
const w = new W();
log('w1:' + w.write('a'));
w.write('b', () => log('cb-b'));
w.end(() => log('end-cb'));
w.on('finish', () => log('finish'));
w.on('close', () => { log('close'); setImmediate(readable); });
process.nextTick(() => log('tick'));
class R extends Readable {
  constructor() { super({ objectMode: true }); this.n = 0; }
  _construct(cb) { log('r-construct'); setTimeout(() => cb(), 1); }
  _read() { log('read'); this.push(this.n < 2 ? 'x' + this.n++ : null); }
}
function readable() {
  const r = new R();
  r.on('data', (d) => log('data:' + d));
  r.on('end', () => log('end'));
  r.on('close', () => { log('r-close'); setImmediate(failing); });
}
function failing() {
  const bad = new Writable({ construct(cb) { cb(new Error('boom')); }, write(c, e, cb) { log('never'); cb(); } });
  bad.write('z', (err) => log('z-cb:' + (err && err.message)));
  bad.on('error', (e) => log('error:' + e.message));
  bad.on('close', () => { log('bad-close'); setImmediate(destroying); });
}
function destroying() {
  const d = new Writable({ construct(cb) { log('d-construct'); setImmediate(() => { log('d-cb'); cb(); }); },
    write(c, e, cb) { log('never'); cb(); },
    destroy(err, cb) { log('d-destroy:' + err); cb(err); } });
  d.on('close', () => log('d-close'));
  d.destroy();
  log('d-destroyed:' + d.destroyed);
}
