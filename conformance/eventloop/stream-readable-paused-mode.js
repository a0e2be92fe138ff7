// Rule: with a 'readable' listener the stream stays paused; 'readable' fires in a nextTick,
// read() returns the buffered bytes, and 'end' follows the read that found the end.
const { Readable } = require('stream');
let n = 0;
const r = new Readable({
  read() {
    n++;
    console.log('_read:' + n);
    if (n <= 2) this.push('chunk' + n); else this.push(null);
  },
});
r.on('readable', () => {
  console.log('readable');
  let c;
  while ((c = r.read()) !== null) console.log('read:' + c);
});
r.on('end', () => console.log('end'));
r.on('close', () => console.log('close'));
console.log('flowing:' + r.readableFlowing);
