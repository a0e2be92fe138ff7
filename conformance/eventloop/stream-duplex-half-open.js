// Rule: a Duplex with allowHalfOpen false ends its writable side after its readable side
// emits 'end'; 'close' comes after both 'end' and 'finish'.
const { Duplex } = require('stream');
const d = new Duplex({
  allowHalfOpen: false,
  read() { this.push('r1'); this.push(null); },
  write(chunk, enc, cb) { console.log('write:' + chunk); cb(); },
});
d.on('data', (c) => console.log('data:' + c));
d.on('end', () => console.log('end'));
d.on('finish', () => console.log('finish'));
d.on('close', () => console.log('close'));
d.write('w1');
console.log('sync');
