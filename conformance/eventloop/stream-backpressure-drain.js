// Rule: write() returns false once the buffered length reaches highWaterMark; 'drain' is
// emitted after the buffer empties, before the callbacks of the writes that filled it.
const { Writable } = require('stream');
const w = new Writable({
  highWaterMark: 4,
  write(chunk, enc, cb) {
    console.log('_write:' + chunk + ':len=' + this.writableLength);
    setImmediate(cb);
  },
});
w.on('drain', () => console.log('drain:len=' + w.writableLength));
console.log('ret1:' + w.write('ab', () => console.log('cb1')));
console.log('ret2:' + w.write('cd', () => console.log('cb2')));
console.log('needDrain:' + w.writableNeedDrain);
console.log('ret3:' + w.write('e', () => console.log('cb3')));
w.once('drain', () => {
  console.log('second-drain-listener');
  w.end(() => console.log('end-cb'));
});
